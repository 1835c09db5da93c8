package org.allgo.jobs.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.HashSet;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.allgo.accounts.entity.User;
import org.allgo.jobs.control.FileNames;
import org.allgo.jobs.control.JobAccess;
import org.allgo.jobs.control.JobCompletion;
import org.allgo.jobs.control.JobFiles;
import org.allgo.jobs.control.JobSettings;
import org.allgo.jobs.control.JobStore;
import org.allgo.jobs.control.JobTransitions;
import org.allgo.jobs.entity.Job;
import org.allgo.jobs.entity.JobDraft;
import org.allgo.jobs.entity.JobFileView;
import org.allgo.jobs.entity.JobState;
import org.allgo.jobs.entity.JobView;
import org.allgo.platform.BusinessException;
import org.allgo.webapps.control.Access;
import org.allgo.webapps.control.WebappStore;
import org.allgo.webapps.entity.Webapp;

/**
 * What users do with jobs: submit, follow, abort, delete, read their files. Callers are named by
 * e-mail; a job is theirs or, for superusers, anyone's. Every API version is a layer over this.
 */
@Stateless
public class JobService {

  public static final int MAX_FILES = 100;
  static final int MAX_LIST = 500;
  static final int RECENT_FOR_AVERAGE = 20;

  @Inject
  Access webapps;

  @Inject
  WebappStore webappStore;

  @Inject
  JobAccess access;

  @Inject
  JobStore jobs;

  @Inject
  JobTransitions transitions;

  @Inject
  JobFiles files;

  @Inject
  JobSettings settings;

  @Inject
  JobCompletion completion;

  @EJB
  Dispatcher dispatcher;

  /**
   * Submits a job: checked and recorded, its files stored in its directory, then queued. A
   * refused file (name, size) leaves nothing behind.
   */
  // Files are written between two transactions: none is held open while a client uploads.
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public JobView submit(String email, JobDraft draft, List<Upload> uploads) {
    List<String> names = names(uploads);
    long id = transitions.create(email, draft);
    try {
      files.create(id);
      long total = 0;
      for (int i = 0; i < uploads.size(); i++) {
        total += files.store(id, names.get(i), uploads.get(i).content(), settings.maxFileBytes(),
            settings.maxInputBytes() - total);
      }
      return transitions.queue(id, total);
    } catch (RuntimeException e) {
      files.delete(id);
      transitions.discard(id);
      throw e;
    }
  }

  /**
   * The mean duration, in seconds, of the webapp's last successful jobs; 0 when it has none. What
   * the original API called {@code avg_time}.
   */
  public double averageSeconds(String email, String dockerName) {
    return jobs.recentSuccesses(webapps.visible(email, dockerName), RECENT_FOR_AVERAGE).stream()
        .mapToLong(j -> Math.max(0, Duration.between(j.startedAt(), j.finishedAt()).toMillis()))
        .average()
        .orElse(0) / 1000.0;
  }

  /** A webapp named by its docker name or, as the original clients may, by its numeric id. */
  public String dockerName(String email, String idOrName) {
    if (idOrName != null && idOrName.matches("\\d{1,18}")) {
      return webappStore.findById(Long.parseLong(idOrName))
          .filter(w -> w.isVisibleTo(webapps.caller(email)))
          .map(Webapp::dockerName)
          .orElseThrow(() -> BusinessException.notFound("webapp-not-found", "There is no webapp " + idOrName + "."));
    }
    return idOrName;
  }

  public JobView get(String email, long id) {
    return access.job(email, id).view();
  }

  /** The caller's jobs, newest first; {@code before} is the cursor: the last id of the previous page. */
  public List<JobView> list(String email, JobState state, String webapp, Long before, Integer limit) {
    User caller = access.caller(email);
    int size = limit == null ? 100 : Math.max(1, Math.min(limit, MAX_LIST));
    return jobs.of(caller, state, webapp, before, size).stream().map(Job::view).toList();
  }

  /** Aborts a waiting or running job; it is ABORTED when this returns, its container removed. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public JobView abort(String email, long id) {
    if (transitions.abort(email, id)) {
      completion.stop(id);
      dispatcher.wake();
    }
    return transitions.view(id);
  }

  /** Deletes an ended job: it leaves the lists and its files go; the record stays, DELETED. */
  public void delete(String email, long id) {
    Job job = access.job(email, id);
    if (job.state() == JobState.DELETED) {
      return;
    }
    if (job.state().active() || job.state() == JobState.NEW) {
      throw BusinessException.conflict("job-active", "Job " + id + " is " + job.state().name().toLowerCase()
          + ": abort it before deleting it.");
    }
    job.delete();
    files.delete(id);
  }

  public List<JobFileView> files(String email, long id) {
    Job job = readable(email, id);
    return files.list(job.id());
  }

  /** A file of the caller's job, for download. */
  public Path file(String email, long id, String name) {
    Job job = readable(email, id);
    return files.find(job.id(), name).orElseThrow(() -> BusinessException.notFound("file-not-found",
        "Job " + id + " has no file named " + name + "."));
  }

  private Job readable(String email, long id) {
    Job job = access.job(email, id);
    if (job.state() == JobState.ARCHIVED) {
      throw BusinessException.gone("job-archived", "The files of job " + id + " were removed after its retention period.");
    }
    if (job.state() == JobState.DELETED) {
      throw BusinessException.notFound("job-not-found", "There is no job " + id + ".");
    }
    return job;
  }

  private static List<String> names(List<Upload> uploads) {
    if (uploads.size() > MAX_FILES) {
      throw BusinessException.invalid("too-many-files", "A job takes at most " + MAX_FILES + " files.");
    }
    List<String> names = uploads.stream().map(u -> FileNames.sanitize(u.name())).toList();
    Set<String> seen = new HashSet<>();
    names.stream().filter(n -> !seen.add(n)).findFirst().ifPresent(n -> {
      throw BusinessException.invalid("duplicate-file-name", "Two files are named " + n + ".");
    });
    return names;
  }
}
