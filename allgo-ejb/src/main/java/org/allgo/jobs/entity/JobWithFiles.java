package org.allgo.jobs.entity;

import java.util.List;

/** A job and its files, read together. */
public record JobWithFiles(JobView job, List<JobFileView> files) {}
