package org.allgo.batch.pages;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.allgo.batch.boundary.BatchMonitor;
import org.allgo.batch.entity.ExecutionView;
import org.allgo.pages.Pages;

/**
 * {@code /batch}: the batch job executions with their steps, refreshed while the page is open; stop
 * a running one, restart a failed one, start a job by hand.
 */
@Named
@ViewScoped
public class BatchBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  static final int SHOWN = 100;

  @Inject BatchMonitor monitor;

  private List<ExecutionView> executions;
  private String jobName;

  public List<ExecutionView> getExecutions() {
    if (executions == null) {
      executions = monitor.recent(SHOWN);
    }
    return executions;
  }

  /** What the page's poll calls: the executions are read again. */
  public void refresh() {
    executions = null;
  }

  public List<String> getStartableJobs() {
    return monitor.startableJobs();
  }

  public void stop(long id) {
    if (Pages.attempt(() -> monitor.stop(id))) {
      Pages.info("Execution " + id + " is asked to stop.");
    }
    executions = null;
  }

  public void restart(long id) {
    long[] restarted = new long[1];
    if (Pages.attempt(() -> restarted[0] = monitor.restart(id))) {
      Pages.info("Execution " + id + " is restarted as execution " + restarted[0] + ".");
    }
    executions = null;
  }

  public void start() {
    long[] started = new long[1];
    if (Pages.attempt(() -> started[0] = monitor.start(jobName))) {
      Pages.info("The job " + jobName + " is started as execution " + started[0] + ".");
    }
    executions = null;
  }

  public String getJobName() {
    return jobName;
  }

  public void setJobName(String jobName) {
    this.jobName = jobName;
  }
}
