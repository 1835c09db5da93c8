package org.allgo.jobs.pages;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.allgo.jobs.boundary.JobHistoryService;
import org.allgo.jobs.boundary.JobService;
import org.allgo.pages.Pages;

/** {@code /admin/jobs}: every user's jobs, narrowed by state, webapp, user and date; abort. */
@Named
@ViewScoped
public class AdminJobsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject
  JobHistoryService history;

  @Inject
  JobService jobs;

  private final JobFilterForm filters = new JobFilterForm();
  private JobTable table;

  public JobTable getTable() {
    if (table == null) {
      table = new JobTable(history, Pages.caller(), filters.filter(true));
    }
    return table;
  }

  public void abort(long id) {
    if (Pages.attempt(() -> jobs.abort(Pages.caller(), id))) {
      Pages.info("Job " + id + " is aborted.");
    }
  }

  public JobFilterForm getFilters() {
    return filters;
  }
}
