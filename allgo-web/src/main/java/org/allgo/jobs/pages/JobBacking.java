package org.allgo.jobs.pages;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.allgo.datastore.boundary.DatastoreService;
import org.allgo.datastore.entity.JobFileView;
import org.allgo.datastore.entity.JobLogView;
import org.allgo.dispatch.boundary.AbortService;
import org.allgo.jobs.api.Datastore;
import org.allgo.jobs.api.JobZip;
import org.allgo.jobs.boundary.JobService;
import org.allgo.jobs.entity.JobState;
import org.allgo.jobs.entity.JobView;
import org.allgo.pages.Formats;
import org.allgo.pages.Pages;
import org.allgo.platform.BusinessException;
import org.allgo.submission.boundary.SubmissionService;
import org.omnifaces.util.Faces;

/**
 * {@code /jobs/<id>}: a job for its owner or a superuser, followed live while it waits or runs
 * (state, time against the webapp's usual duration, the tail of {@code allgo.log} as it grows, the
 * files), then its results; abort, delete, run again.
 */
@Named
@ViewScoped
public class JobBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** How much of the log the page shows: its end, the whole of it from the files. */
  static final int LOG_TAIL = 64 * 1024;

  @Inject JobService jobs;

  @Inject SubmissionService submissions;

  @Inject AbortService aborts;

  @Inject DatastoreService datastore;

  @Inject Formats formats;

  private long id;
  private JobView job;
  private String banner;
  private double meanSeconds;
  private List<JobFileView> files = List.of();
  private final StringBuilder log = new StringBuilder();
  private long logNext;
  private boolean logEnded;
  private boolean logCut;

  /** View action: someone else's job is refused (403), an unknown one not found (404). */
  public void load() {
    try {
      job = jobs.get(id);
      banner = (String) Faces.getFlash().get(bannerKey(id));
      meanSeconds = mean();
      readFiles();
      readLog(-LOG_TAIL);
    } catch (BusinessException e) {
      Pages.fail(e);
    }
  }

  /**
   * What the page's poll calls while it follows the job: its state, its files, what its log gained.
   */
  public void refresh() {
    try {
      job = jobs.get(id);
      readFiles();
      if (!logEnded) {
        readLog(logNext);
      }
    } catch (BusinessException e) {
      Pages.error(e.getMessage());
    }
  }

  /**
   * Tells the job page that opens next what was just done to job {@code id} ("submitted: it waits
   * in queue …"); the page shows it while the job waits, and it goes when the job moves on.
   */
  static void announce(long id, String text) {
    Faces.getFlash().put(bannerKey(id), text);
  }

  private static String bannerKey(long id) {
    return "allgo.job.banner." + id;
  }

  /** What was just done to the job, while it still waits; null once it moved on. */
  public String getBanner() {
    return job != null && job.state() == JobState.WAITING ? banner : null;
  }

  public void abort() {
    if (Pages.attempt(() -> job = aborts.abort(id))) {
      Pages.info("Job " + id + " is aborted.");
    }
    refresh();
  }

  /** Runs it again, with the same parameters, queue and input files; opens the new job. */
  public void rerun() {
    JobView[] again = new JobView[1];
    if (Pages.attempt(() -> again[0] = submissions.rerun(id))) {
      announce(
          again[0].id(),
          "Job "
              + again[0].id()
              + " runs job "
              + id
              + " again: it waits in queue "
              + again[0].queue()
              + ".");
      Pages.redirect(JobAddress.path(again[0].id()));
    }
  }

  public void delete() {
    if (Pages.attempt(() -> datastore.delete(id))) {
      Pages.info("Job " + id + " is deleted, with its files.");
      Pages.redirect("/jobs");
    }
  }

  private void readFiles() {
    files = hasFiles() ? datastore.files(id) : List.of();
  }

  // The log from an offset (its end when negative), kept to its last LOG_TAIL characters.
  private void readLog(long from) {
    if (!hasFiles()) {
      logEnded = true;
      return;
    }
    JobLogView portion = datastore.log(id, from);
    if (from < 0) {
      logCut = portion.offset() > 0;
    }
    log.append(portion.text());
    if (log.length() > LOG_TAIL) {
      int cut = log.indexOf("\n", log.length() - LOG_TAIL);
      log.delete(0, cut < 0 ? log.length() - LOG_TAIL : cut + 1);
      logCut = true;
    }
    logNext = portion.next();
    logEnded = portion.ended();
  }

  private boolean hasFiles() {
    return job.state() != JobState.ARCHIVED && job.state() != JobState.DELETED;
  }

  // The webapp's recent mean; unknown when the webapp is gone.
  private double mean() {
    try {
      return jobs.averageSeconds(job.webapp());
    } catch (BusinessException e) {
      return 0;
    }
  }

  /** Waiting or running. */
  public boolean isActive() {
    return job != null && job.state().active();
  }

  /** The page polls while the job is active and until its log is complete. */
  public boolean isFollowing() {
    return isActive() || job != null && !logEnded;
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
    return !isHistory() ? 0 : (int) Math.min(99, getElapsedSeconds() * 100 / meanSeconds);
  }

  public String getProgressLabel() {
    String elapsed = formats.seconds(getElapsedSeconds());
    if (!isHistory()) {
      return elapsed + " so far (no earlier run to compare with)";
    }
    String usual = formats.seconds(meanSeconds);
    return getElapsedSeconds() <= meanSeconds
        ? elapsed + " of about " + usual
        : elapsed + ": longer than usual (about " + usual + ")";
  }

  /** Earlier runs lasted a second or more: a shorter mean says nothing about this run. */
  public boolean isHistory() {
    return meanSeconds >= 1;
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

  public String getLog() {
    return log.toString();
  }

  /** Whether the log shown lacks its beginning (the whole is in {@code allgo.log}). */
  public boolean isLogCut() {
    return logCut;
  }

  /** What the job made: its outputs and its log. */
  public List<JobFileView> getOutputs() {
    return files.stream().filter(f -> !f.input()).toList();
  }

  /** What it was submitted with. */
  public List<JobFileView> getInputs() {
    return files.stream().filter(JobFileView::input).toList();
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
