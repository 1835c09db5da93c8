package org.allgo.jobs.control;

/** A job entered its queue: fired in the transaction that queued it, heard once it commits. */
public record JobQueued(long jobId) {}
