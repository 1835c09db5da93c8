package org.allgo.datastore.entity;

import java.util.List;
import org.allgo.jobs.entity.JobView;

/** A job and its files, read together. */
public record JobWithFiles(JobView job, List<JobFileView> files) {}
