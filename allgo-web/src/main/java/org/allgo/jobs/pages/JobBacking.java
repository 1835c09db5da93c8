package org.allgo.jobs.pages;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.allgo.jobs.api.Datastore;
import org.allgo.jobs.api.JobZip;
import org.allgo.jobs.boundary.JobService;
import org.allgo.jobs.entity.JobFileView;
import org.allgo.jobs.entity.JobState;
import org.allgo.jobs.entity.JobView;
import org.allgo.pages.Formats;
import org.allgo.pages.Pages;
import org.allgo.platform.BusinessException;

/**
 * {@code /jobs/<id>}: a job for its owner or a superuser, followed live while it waits or runs
 * (state, time against the webapp's usual duration, the log as it grows, the files), then its
 * results; abort, delete, run again.
 */
@Named
@ViewScoped
public class JobBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject
  JobService jobs;

  @Inject
  Formats formats;

  private long id;
  private JobView job;
  private double meanSeconds;
  private List<JobFileView> files = List.of();

  /** View action: someone else's job is refused (403), an unknown one not found (404). */
  public void load() {
    try {
      job = jobs.get(Pages.caller(), id);
      meanSeconds = mean();
      readFiles();
    } catch (BusinessException e) {
      Pages.fail(e);
    }
  }

  /** What the page's poll calls while the job waits or runs. */
  public void refresh() {
    try {
      job = jobs.get(Pages.caller(), id);
      readFiles();
    } catch (BusinessException e) {
      Pages.error(e.getMessage());
    }
  }

  public void abort() {
    if (Pages.attempt(() -> job = jobs.abort(Pages.caller(), id))) {
      Pages.info("Job " + id + " is aborted.");
    }
    refresh();
  }

  public void delete() {
    if (Pages.attempt(() -> jobs.delete(Pages.caller(), id))) {
      Pages.info("Job " + id + " is deleted, with its files.");
      Pages.redirect("/jobs");
    }
  }

  private void readFiles() {
    files = job.state() == JobState.ARCHIVED || job.state() == JobState.DELETED ? List.of()
        : jobs.files(Pages.caller(), id);
  }

  // The webapp's recent mean; unknown when the webapp is gone.
  private double mean() {
    try {
      return jobs.averageSeconds(Pages.caller(), job.webapp());
    } catch (BusinessException e) {
      return 0;
    }
  }

  /** Waiting or running: the page follows it. */
  public boolean isActive() {
    return job != null && job.state().active();
  }

  public boolean isRunning() {
    return job != null && job.state() == JobState.RUNNING;
  }

  /** Ended with its files still there: it may be deleted or run again. */
  public boolean isEnded() {
    return job != null && job.state() == JobState.DONE;
  }

  /** Seconds since it started, or its duration once it ended. */
  public double getElapsedSeconds() {
    if (job == null || job.startedAt() == null) {
      return 0;
    }
    Instant end = job.finishedAt() == null ? Instant.now() : job.finishedAt();
    return Math.max(0, Duration.between(job.startedAt(), end).toMillis() / 1000.0);
  }

  /** Elapsed time against the usual duration, in percent; never 100 before it ends. */
  public int getProgress() {
    return meanSeconds <= 0 ? 0 : (int) Math.min(99, getElapsedSeconds() * 100 / meanSeconds);
  }

  public String getProgressLabel() {
    String elapsed = formats.seconds(getElapsedSeconds());
    if (meanSeconds <= 0) {
      return elapsed + " so far (no earlier run to compare with)";
    }
    String usual = formats.seconds(meanSeconds);
    return getElapsedSeconds() <= meanSeconds ? elapsed + " of about " + usual
        : elapsed + ": longer than usual (about " + usual + ")";
  }

  public double getMeanSeconds() {
    return meanSeconds;
  }

  /** Where a file of the job downloads from. */
  public String fileUrl(String name) {
    return Datastore.path(id, name);
  }

  public String getZipUrl() {
    return JobZip.path(id);
  }

  public List<JobFileView> getFiles() {
    return files;
  }

  public JobView getJob() {
    return job;
  }

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }
}
