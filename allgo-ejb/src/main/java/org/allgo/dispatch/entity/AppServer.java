package org.allgo.dispatch.entity;

import java.time.Instant;
import java.util.List;

/**
 * An application server sharing the database, as its lease says: when it started and was last seen,
 * whether that is within the lease (alive) or not (gone: the others take over its running jobs),
 * and the running jobs it follows.
 */
public record AppServer(
    String name, Instant startedAt, Instant seenAt, boolean alive, List<Long> runningJobs) {}
