package org.allgo.jobs.entity;

/** A job and a portion of its log, read together; {@code log} is null once its files are gone. */
public record JobFollow(JobView job, JobLogView log) {}
