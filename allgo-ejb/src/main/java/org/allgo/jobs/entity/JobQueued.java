package org.allgo.jobs.entity;

/** A job entered its queue: fired in the transaction that queued it, heard once it commits. */
public record JobQueued(long jobId) {}
