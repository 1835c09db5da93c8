package org.allgo.queues.entity;

/** A queue to create, or the fields of one to change (null: unchanged). */
public record QueueDraft(
    String name,
    String description,
    Integer timeoutSeconds,
    Integer cpuMillis,
    Integer maxJobs,
    Integer retentionDays,
    Boolean isDefault) {}
