package org.allgo.admin.entity;

/** What a superuser sets on a job queue; the name is fixed once the queue exists. */
public record QueueDraft(
    String name,
    String description,
    int timeoutSeconds,
    int cpuMillis,
    int maxJobs,
    int retentionDays,
    boolean isDefault) {}
