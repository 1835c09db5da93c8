/**
 * The swarm placement: jobs as one-shot services of a Docker Swarm ({@code replicated-job}), their
 * specification made from the container mode's own, their state read from the swarm's tasks. Shared
 * by the outbound side (the operations) and the inbound side (the watch that reports their ends).
 */
package org.allgo.connector.swarm;
