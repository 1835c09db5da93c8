package org.allgo.jobs.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.allgo.accounts.entity.User;
import org.allgo.jobs.control.JobAccess;
import org.allgo.jobs.control.JobStore;
import org.allgo.jobs.entity.Job;
import org.allgo.jobs.entity.JobState;
import org.allgo.jobs.entity.JobView;
import org.allgo.webapps.control.Access;

/**
 * What the request's caller reads of their jobs (anyone's for superusers): one job, their list a
 * page at a time, a webapp's usual duration. Every API version is a layer over this.
 */
@Stateless
public class JobService {

  static final int MAX_LIST = 500;
  static final int RECENT_FOR_AVERAGE = 20;

  @Inject Access webapps;

  @Inject JobAccess access;

  @Inject JobStore jobs;

  /**
   * The mean duration, in seconds, of the webapp's last successful jobs; 0 when it has none. What
   * the original API called {@code avg_time}.
   */
  public double averageSeconds(String dockerName) {
    return jobs.recentSuccesses(webapps.visible(dockerName), RECENT_FOR_AVERAGE).stream()
            .mapToLong(
                j ->
                    Math.max(
                        0, Duration.between(j.run().startedAt(), j.run().finishedAt()).toMillis()))
            .average()
            .orElse(0)
        / 1000.0;
  }

  public JobView get(long id) {
    return access.job(id).view();
  }

  /**
   * The caller's jobs, newest first; {@code before} is the cursor: the last id of the previous
   * page.
   */
  public List<JobView> list(JobState state, String webapp, Long before, Integer limit) {
    return list(state, webapp, null, null, before, limit);
  }

  /**
   * The caller's jobs, newest first, DELETED ones left out unless asked for.
   *
   * @param state null for any
   * @param webapp docker name, null for any
   * @param since only jobs created at or after it, null for no bound
   * @param until only jobs created before it, null for no bound
   * @param before the cursor: only jobs with a smaller id (the last of the previous page)
   * @param limit the page size, 100 by default, at most 500
   */
  // Times are compared here: the instant converter does not apply to query parameters. Ids grow
  // with creation times, so the first job older than since ends the list.
  public List<JobView> list(
      JobState state, String webapp, Instant since, Instant until, Long before, Integer limit) {
    User caller = access.caller();
    int size = pageSize(limit);
    List<JobView> page = new ArrayList<>();
    Long cursor = before;
    while (page.size() < size) {
      List<Job> batch = jobs.of(caller, state, webapp, cursor, size);
      for (Job job : batch) {
        if (since != null && job.createdAt().isBefore(since)) {
          return page;
        }
        if ((until == null || job.createdAt().isBefore(until)) && page.size() < size) {
          page.add(job.view());
        }
      }
      if (batch.size() < size) {
        break;
      }
      cursor = batch.get(batch.size() - 1).id();
    }
    return page;
  }

  /**
   * The size of a page of jobs asked for with {@code limit}: 100 by default, at most {@link
   * #MAX_LIST}.
   */
  public static int pageSize(Integer limit) {
    return limit == null ? 100 : Math.max(1, Math.min(limit, MAX_LIST));
  }
}
