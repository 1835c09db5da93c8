package org.allgo.datastore.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.allgo.jobs.control.JobStore;
import org.allgo.jobs.entity.Job;
import org.allgo.jobs.entity.JobState;
import org.allgo.queues.control.QueueStore;
import org.allgo.queues.entity.JobQueue;

/** The purge job's questions and changes, each in a transaction of its own. */
@Stateless
public class JobPurge {

  // A submission that has not stored its files in this time has broken off.
  private static final Duration STALE_SUBMISSION = Duration.ofDays(1);

  @Inject JobStore jobs;

  @Inject QueueStore queues;

  /** DONE jobs older than their queue's retention. */
  public List<Long> expired(Instant now) {
    List<Long> ids = new ArrayList<>();
    for (JobQueue queue : queues.all()) {
      ids.addAll(jobs.expired(queue, now.minus(Duration.ofDays(queue.retentionDays()))));
    }
    return ids;
  }

  /** Marks the job ARCHIVED, its files gone; false when it changed meanwhile. */
  public boolean archive(long jobId) {
    return jobs.lock(jobId)
        .filter(j -> j.state() == JobState.DONE)
        .map(
            j -> {
              j.archive();
              return true;
            })
        .orElse(false);
  }

  public List<Long> deleted() {
    return jobs.inState(JobState.DELETED).stream().map(Job::id).toList();
  }

  /**
   * Removes the records of submissions that broke off; returns their ids, whose files are to go.
   */
  public List<Long> discardStale(Instant now) {
    List<Long> ids = jobs.staleNew(now.minus(STALE_SUBMISSION));
    ids.forEach(id -> jobs.find(id).ifPresent(jobs::remove));
    return ids;
  }
}
