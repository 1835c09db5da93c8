package org.allgo.jobs.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who on this server follows which job, told at once when the job ends here (its log written), so
 * that an event stream need not wait for its next look. Followers still look on their own from time
 * to time: a job may change on another server, or in ways not told here.
 */
@ApplicationScoped
public class JobWatch {

  private static final System.Logger LOG = System.getLogger(JobWatch.class.getName());

  /** Stops following the job. */
  public interface Watch extends AutoCloseable {
    @Override
    void close();
  }

  private final Map<Long, Set<Runnable>> followers = new ConcurrentHashMap<>();

  /** Runs {@code onChange} (briefly: hand the work to an executor) each time the job changes. */
  public Watch follow(long jobId, Runnable onChange) {
    // Added under the map's lock of this job, so that a follower leaving at the same time cannot
    // drop the set this one joins.
    followers.compute(
        jobId,
        (id, set) -> {
          Set<Runnable> joined = set != null ? set : ConcurrentHashMap.newKeySet();
          joined.add(onChange);
          return joined;
        });
    return () ->
        followers.computeIfPresent(
            jobId,
            (id, set) -> {
              set.remove(onChange);
              return set.isEmpty() ? null : set;
            });
  }

  /**
   * The job changed: its followers hear of it. A follower that fails is no concern of the caller.
   */
  public void changed(long jobId) {
    Set<Runnable> set = followers.get(jobId);
    if (set == null) {
      return;
    }
    for (Runnable follower : set) {
      try {
        follower.run();
      } catch (RuntimeException e) {
        LOG.log(Level.DEBUG, "A follower of job {0} could not be told: {1}", jobId, e.toString());
      }
    }
  }
}
