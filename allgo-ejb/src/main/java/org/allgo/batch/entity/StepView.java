package org.allgo.batch.entity;

import java.io.Serializable;
import java.time.Instant;

/** A step execution: its status and its counts (read, write, commit, rollback, filter, skips). */
public record StepView(
    long id,
    String name,
    String status,
    String exitStatus,
    Instant start,
    Instant end,
    long readCount,
    long writeCount,
    long commitCount,
    long rollbackCount,
    long filterCount,
    long skipCount)
    implements Serializable {}
