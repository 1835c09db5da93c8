package org.allgo.datastore.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.allgo.datastore.control.JobFiles;
import org.allgo.datastore.control.JobLogs;
import org.allgo.datastore.entity.FileNames;
import org.allgo.datastore.entity.JobFileView;
import org.allgo.datastore.entity.JobFollow;
import org.allgo.datastore.entity.JobLogView;
import org.allgo.datastore.entity.JobWithFiles;
import org.allgo.jobs.control.JobAccess;
import org.allgo.jobs.control.JobWatch;
import org.allgo.jobs.entity.Job;
import org.allgo.jobs.entity.JobState;
import org.allgo.platform.BusinessException;

/**
 * A job's files and log as its owner (and superusers) read them: the files one by one or listed,
 * portions of {@code allgo.log} (its live log while the job runs), what an event stream looks at;
 * and deleting an ended job with its files.
 */
@Stateless
public class DatastoreService {

  /** The largest portion of a log one call returns. */
  public static final int MAX_LOG_PORTION = 256 * 1024;

  // Past this, a live log left after its job ended is a leftover, not a final log being written.
  private static final Duration LIVE_LOG_GRACE = Duration.ofMinutes(1);

  @Inject JobAccess access;

  @Inject JobFiles files;

  @Inject JobLogs logs;

  @Inject JobWatch watch;

  /** Deletes an ended job: it leaves the lists and its files go; the record stays, DELETED. */
  public void delete(long id) {
    Job job = access.job(id);
    if (job.state() == JobState.DELETED) {
      return;
    }
    if (job.state().active() || job.state() == JobState.NEW) {
      throw BusinessException.conflict(
          "job-active",
          "Job "
              + id
              + " is "
              + job.state().name().toLowerCase()
              + ": abort it before deleting it.");
    }
    job.delete();
    files.delete(id);
  }

  /** The job's files; while it runs, {@code allgo.log} is its live log. */
  public List<JobFileView> files(long id) {
    return files(readable(id));
  }

  /** The job and its files, read once: what the original API answers about a job. */
  public JobWithFiles withFiles(long id) {
    Job job = readable(id);
    return new JobWithFiles(job.view(), files(job));
  }

  private List<JobFileView> files(Job job) {
    Set<String> inputs = Set.copyOf(job.inputs());
    List<JobFileView> list =
        files.list(job.id()).stream()
            .map(f -> inputs.contains(f.name()) ? f.asInput() : f)
            .toList();
    Optional<Path> live = liveLog(job);
    if (live.isEmpty()) {
      return list;
    }
    long size = live.get().toFile().length();
    return Stream.concat(
            Stream.of(new JobFileView(FileNames.LOG, size)),
            list.stream().filter(f -> !f.name().equals(FileNames.LOG)))
        .sorted(Comparator.comparing(JobFileView::name))
        .toList();
  }

  /**
   * A file of the caller's job, for download; while the job runs, {@code allgo.log} is its live
   * log.
   */
  public Path file(long id, String name) {
    Job job = readable(id);
    Optional<Path> live = FileNames.LOG.equals(name) ? liveLog(job) : Optional.empty();
    return live.or(() -> files.find(job.id(), name))
        .orElseThrow(
            () ->
                BusinessException.notFound(
                    "file-not-found", "Job " + id + " has no file named " + name + "."));
  }

  /**
   * A portion of the job's {@code allgo.log} from byte {@code from} (from the end when negative):
   * the program's output as it runs, then, once the job ended, the rest and the footer.
   */
  public JobLogView log(long id, long from) {
    return log(readable(id), from);
  }

  /**
   * The job, and the portion of its log from byte {@code from} as {@link #log} gives it, read
   * together: what an event stream looks at. No log once the job's files are gone.
   */
  public JobFollow follow(long id, long from) {
    Job job = access.job(id);
    boolean gone = job.state() == JobState.ARCHIVED || job.state() == JobState.DELETED;
    return new JobFollow(job.view(), gone ? null : log(job, from));
  }

  /**
   * Runs {@code onChange} (briefly: hand the work to an executor) each time the job ends or changes
   * on this server, until the returned action is run. The changes themselves are read through the
   * other methods, which check the caller.
   */
  public Runnable watch(long jobId, Runnable onChange) {
    return watch.follow(jobId, onChange)::close;
  }

  private JobLogView log(Job job, long from) {
    Optional<Path> live = liveLog(job);
    if (live.isPresent()) {
      JobLogView portion = logs.readLog(live, from, MAX_LOG_PORTION, false);
      if (logs.liveLog(job.id()).isPresent()) {
        return portion;
      }
      // The job ended meanwhile and its final log replaced the live one.
    } else if (!ended(job)) {
      return new JobLogView(0, 0, 0, false, "");
    }
    return logs.readLog(files.find(job.id(), FileNames.LOG), from, MAX_LOG_PORTION, true);
  }

  // Until the final log is written (its completion deletes the live log), the live log stands for
  // it.
  private Optional<Path> liveLog(Job job) {
    if (ended(job)
        && (job.run().finishedAt() == null
            || job.run().finishedAt().isBefore(Instant.now().minus(LIVE_LOG_GRACE)))) {
      return Optional.empty();
    }
    return logs.liveLog(job.id());
  }

  private static boolean ended(Job job) {
    return job.state() != JobState.NEW && !job.state().active();
  }

  private Job readable(long id) {
    Job job = access.job(id);
    if (job.state() == JobState.ARCHIVED) {
      throw BusinessException.gone(
          "job-archived", "The files of job " + id + " were removed after its retention period.");
    }
    if (job.state() == JobState.DELETED) {
      throw BusinessException.notFound("job-not-found", "There is no job " + id + ".");
    }
    return job;
  }
}
