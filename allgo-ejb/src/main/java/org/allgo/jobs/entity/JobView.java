package org.allgo.jobs.entity;

import java.time.Instant;

/**
 * A job as clients see it.
 *
 * @param reason why the platform failed it, or null
 * @param exitCode the program's exit code once it ran to its end, or null
 * @param durationSeconds from start to end, or null while it has not ended
 */
public record JobView(
    long id,
    String owner,
    String webapp,
    String version,
    String queue,
    String param,
    JobState state,
    JobResult result,
    String reason,
    Integer exitCode,
    boolean oomKilled,
    boolean notifyByMail,
    long inputBytes,
    Long outputBytes,
    Instant createdAt,
    Instant queuedAt,
    Instant startedAt,
    Instant finishedAt,
    Double durationSeconds) {}
