/**
 * Benchmarks of allgo's cost per job: the same trivial jobs run by docker-java directly and through
 * the REST API, in one run on one machine, so that ratios hold however noisy the machine is.
 */
package org.allgo.bench;
