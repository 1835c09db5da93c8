/**
 * Black-box tests of a server whose jobs run on a swarm ({@code -Dallgo.engine=swarm}, against the
 * test swarm of {@code bin/lib/swarm.sh} named by {@code -Dallgo.swarm.name}).
 */
package org.allgo.it.swarm;
