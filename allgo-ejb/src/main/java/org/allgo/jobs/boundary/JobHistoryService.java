package org.allgo.jobs.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.allgo.accounts.entity.Role;
import org.allgo.jobs.control.JobAccess;
import org.allgo.jobs.control.JobSearch;
import org.allgo.jobs.entity.Job;
import org.allgo.jobs.entity.JobFilter;
import org.allgo.jobs.entity.JobView;
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

  /** How many of the caller's jobs match. */
  public long count(JobFilter filter) {
    return search.count(access.caller().id(), filter);
  }

  /** A page of the caller's matching jobs, newest first; {@code first} counts from 0. */
  public List<JobView> page(JobFilter filter, int first, int size) {
    return page(access.caller().id(), filter, first, size);
  }

  /** How many jobs of every user match. */
  @RolesAllowed(Role.SUPERUSER_ROLE)
  public long countEveryone(JobFilter filter) {
    return search.count(null, filter);
  }

  /** A page of every user's matching jobs, newest first. */
  @RolesAllowed(Role.SUPERUSER_ROLE)
  public List<JobView> pageEveryone(JobFilter filter, int first, int size) {
    return page(null, filter, first, size);
  }

  private List<JobView> page(Long owner, JobFilter filter, int first, int size) {
    return search.page(owner, filter, first, Math.max(1, Math.min(size, MAX_PAGE))).stream()
        .map(Job::view)
        .toList();
  }

  /** The webapp's last jobs that ran to an end, newest first: for its owner and superusers. */
  public List<JobView> runs(String dockerName, int count) {
    return search.runs(webapps.managed(dockerName), Math.max(1, Math.min(count, MAX_RUNS))).stream()
        .map(Job::view)
        .toList();
  }

  /** Jobs run by each webapp, by webapp id. */
  public Map<Long, Long> jobsPerWebapp() {
    return search.jobsPerWebapp();
  }
}
