package org.allgo.jobs.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who on this server follows which job, told at once when the job ends here (its log written), so
 * that an event stream need not wait for its next look. Followers still look on their own from
 * time to time: a job may change on another server, or in ways not told here.
 */
@ApplicationScoped
public class JobWatch {

  /** Stops following the job. */
  public interface Watch extends AutoCloseable {
    @Override
    void close();
  }

  private final Map<Long, Set<Runnable>> followers = new ConcurrentHashMap<>();

  /** Runs {@code onChange} (briefly: hand the work to an executor) each time the job changes. */
  public Watch follow(long jobId, Runnable onChange) {
    followers.computeIfAbsent(jobId, id -> ConcurrentHashMap.newKeySet()).add(onChange);
    return () -> followers.computeIfPresent(jobId, (id, set) -> {
      set.remove(onChange);
      return set.isEmpty() ? null : set;
    });
  }

  /** The job changed: its followers hear of it. */
  public void changed(long jobId) {
    Set<Runnable> set = followers.get(jobId);
    if (set != null) {
      set.forEach(Runnable::run);
    }
  }
}
