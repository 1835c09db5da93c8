package org.allgo.jobs.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.allgo.accounts.control.UserStore;
import org.allgo.accounts.entity.User;
import org.allgo.jobs.entity.Job;
import org.allgo.platform.BusinessException;

/** Who may do what with jobs: the owner and superusers, decided on the server for every call. */
@Dependent
public class JobAccess {

  @Inject UserStore users;

  @Inject JobStore jobs;

  /** The caller's active account; jobs are never anonymous. */
  public User caller(String email) {
    User user = email == null ? null : users.findByEmail(email).filter(User::isActive).orElse(null);
    if (user == null) {
      throw new BusinessException(
          BusinessException.Kind.UNAUTHORIZED,
          "sign-in",
          "Sign in (or send your API token) to run and follow jobs.");
    }
    return user;
  }

  /** The job if the caller owns it or is a superuser. */
  public Job job(String email, long id) {
    User caller = caller(email);
    Job job = jobs.get(id);
    if (!job.isAccessibleTo(caller)) {
      throw BusinessException.forbidden("not-your-job", "Job " + id + " is not yours.");
    }
    return job;
  }
}
