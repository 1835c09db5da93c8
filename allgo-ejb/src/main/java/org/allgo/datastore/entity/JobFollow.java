package org.allgo.datastore.entity;

import org.allgo.jobs.entity.JobView;

/** A job and a portion of its log, read together; {@code log} is null once its files are gone. */
public record JobFollow(JobView job, JobLogView log) {}
