package org.allgo.queues.entity;

/** A job queue as clients see it; CPU in thousandths of a CPU. */
public record QueueView(
    String name,
    String description,
    int timeoutSeconds,
    int cpuMillis,
    int maxJobs,
    int retentionDays,
    boolean isDefault) {}
