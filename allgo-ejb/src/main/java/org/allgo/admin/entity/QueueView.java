package org.allgo.admin.entity;

import java.io.Serializable;
import org.allgo.queues.entity.JobQueue;

/** A job queue as the admin console shows it. */
public record QueueView(
    long id,
    String name,
    String description,
    int timeoutSeconds,
    int cpuMillis,
    int maxJobs,
    int retentionDays,
    boolean isDefault)
    implements Serializable {

  public static QueueView of(JobQueue queue) {
    return new QueueView(
        queue.id(),
        queue.name(),
        queue.description(),
        queue.timeoutSeconds(),
        queue.cpuMillis(),
        queue.maxJobs(),
        queue.retentionDays(),
        queue.isDefault());
  }
}
