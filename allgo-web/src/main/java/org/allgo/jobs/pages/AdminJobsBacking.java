package org.allgo.jobs.pages;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.allgo.pages.Pages;

/** {@code /admin/jobs}: every user's jobs, narrowed by state, webapp, user and date; abort. */
@Named
@ViewScoped
public class AdminJobsBacking extends JobListBacking {

  private static final long serialVersionUID = 1L;

  @Override
  protected boolean everyone() {
    return true;
  }

  public void abort(long id) {
    if (Pages.attempt(() -> aborts.abort(id))) {
      Pages.info("Job " + id + " is aborted.");
    }
  }
}
