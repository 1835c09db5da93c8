package org.allgo.jobs.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.allgo.accounts.entity.Role;
import org.allgo.accounts.entity.User;
import org.allgo.jobs.control.JobAccess;
import org.allgo.jobs.control.JobSearch;
import org.allgo.jobs.entity.Job;
import org.allgo.jobs.entity.JobFilter;
import org.allgo.jobs.entity.JobView;
import org.allgo.platform.BusinessException;
import org.allgo.webapps.control.Access;

/**
 * What the pages read about many jobs at once: a user's jobs (everyone's for superusers) a page at
 * a time, the recent runs of a webapp for those who manage it, and how many jobs each webapp ran,
 * for the catalog.
 */
@Stateless
public class JobHistoryService {

  public static final int MAX_PAGE = 100;
  public static final int MAX_RUNS = 200;

  @Inject JobAccess access;

  @Inject JobSearch search;

  @Inject Access webapps;

  public long count(String email, JobFilter filter) {
    return search.count(owner(email, filter), filter);
  }

  /** A page of the matching jobs, newest first; {@code first} counts from 0. */
  public List<JobView> page(String email, JobFilter filter, int first, int size) {
    return search
        .page(owner(email, filter), filter, first, Math.max(1, Math.min(size, MAX_PAGE)))
        .stream()
        .map(Job::view)
        .toList();
  }

  /** The webapp's last jobs that ran to an end, newest first: for its owner and superusers. */
  public List<JobView> runs(String email, String dockerName, int count) {
    return search
        .runs(webapps.managed(email, dockerName), Math.max(1, Math.min(count, MAX_RUNS)))
        .stream()
        .map(Job::view)
        .toList();
  }

  /** Jobs run by each webapp, by webapp id. */
  public Map<Long, Long> jobsPerWebapp() {
    return search.jobsPerWebapp();
  }

  // Whose jobs: the caller's, or nobody in particular when a superuser asks for everyone's.
  private Long owner(String email, JobFilter filter) {
    User caller = access.caller(email);
    if (!filter.everyone()) {
      return caller.id();
    }
    if (caller.role() != Role.SUPERUSER) {
      throw BusinessException.forbidden("superuser-only", "Only superusers see every user's jobs.");
    }
    return null;
  }
}
