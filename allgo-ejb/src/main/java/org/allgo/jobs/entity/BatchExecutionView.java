package org.allgo.jobs.entity;

import java.time.Instant;

/** A run of a batch job as the batch runtime reports it; the exit status carries its summary. */
public record BatchExecutionView(
    long id, String job, String status, String exitStatus, Instant startedAt, Instant endedAt) {}
