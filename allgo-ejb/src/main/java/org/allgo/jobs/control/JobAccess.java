package org.allgo.jobs.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.allgo.accounts.control.Callers;
import org.allgo.accounts.entity.User;
import org.allgo.jobs.entity.Job;
import org.allgo.platform.BusinessException;

/** Who may do what with jobs: the owner and superusers, decided on the server for every call. */
@Dependent
public class JobAccess {

  @Inject Callers callers;

  @Inject JobStore jobs;

  /** The caller's active account; jobs are never anonymous. */
  public User caller() {
    return callers.require("Sign in (or send your API token) to run and follow jobs.");
  }

  /**
   * The job if the caller owns it or is a superuser; to anyone else it does not exist, with the
   * same answer as a job that never did: a stranger learns nothing of other users' jobs.
   */
  public Job job(long id) {
    User caller = caller();
    Job job = jobs.get(id);
    if (!caller.mayActFor(job.user())) {
      throw BusinessException.notFound("job-not-found", "There is no job " + id + ".");
    }
    return job;
  }
}
