package org.allgo.jobs.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.allgo.accounts.entity.User;
import org.allgo.datastore.control.JobFiles;
import org.allgo.datastore.entity.FileNames;
import org.allgo.datastore.entity.JobFileView;
import org.allgo.datastore.entity.JobFollow;
import org.allgo.datastore.entity.JobLogView;
import org.allgo.datastore.entity.JobWithFiles;
import org.allgo.dispatch.boundary.Dispatcher;
import org.allgo.dispatch.control.JobCompletion;
import org.allgo.dispatch.control.JobTransitions;
import org.allgo.jobs.control.JobAccess;
import org.allgo.jobs.control.JobSettings;
import org.allgo.jobs.control.JobStore;
import org.allgo.jobs.control.JobWatch;
import org.allgo.jobs.entity.Job;
import org.allgo.jobs.entity.JobState;
import org.allgo.jobs.entity.JobView;
import org.allgo.platform.BusinessException;
import org.allgo.submission.control.IdempotencyKeys;
import org.allgo.submission.control.JobUploads;
import org.allgo.submission.control.RequestFingerprint;
import org.allgo.submission.entity.JobDraft;
import org.allgo.submission.entity.Upload;
import org.allgo.submission.entity.UploadView;
import org.allgo.submission.entity.UploadedFile;
import org.allgo.webapps.control.Access;
import org.allgo.webapps.control.WebappStore;
import org.allgo.webapps.entity.Webapp;

/**
 * What users do with jobs: submit, follow, abort, delete, read their files, as the request's
 * caller; a job is theirs or, for superusers, anyone's. Every API version is a layer over this.
 */
@Stateless
public class JobService {

  public static final int MAX_FILES = 100;

  /** The largest portion of a log one call returns. */
  public static final int MAX_LOG_PORTION = 256 * 1024;

  static final int MAX_LIST = 500;
  // Past this, a live log left after its job ended is a leftover, not a final log being written.
  private static final Duration LIVE_LOG_GRACE = Duration.ofMinutes(1);
  static final int RECENT_FOR_AVERAGE = 20;

  @Inject Access webapps;

  @Inject WebappStore webappStore;

  @Inject JobAccess access;

  @Inject JobStore jobs;

  @Inject JobTransitions transitions;

  @Inject JobFiles files;

  @Inject JobSettings settings;

  @Inject JobCompletion completion;

  @Inject JobWatch watch;

  @Inject IdempotencyKeys keys;

  @Inject JobUploads uploads;

  @EJB Dispatcher dispatcher;

  /**
   * Submits a job: checked and recorded, its files stored in its directory, then queued. A refused
   * file (name, size) leaves nothing behind.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public JobView submit(JobDraft draft, List<Upload> uploads) {
    return submit(draft, uploads, null);
  }

  /**
   * Submits a job, as {@link #submit(String, JobDraft, List)}; with an idempotency key (null for
   * none), a request retried with the same key, fields and files gets the job the first made, and
   * the key with another request is refused with 422.
   */
  // Files are written between two transactions: none is held open while a client uploads.
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public JobView submit(JobDraft draft, List<Upload> uploads, String idempotencyKey) {
    List<String> names = names(uploads.stream().map(Upload::name).toList());
    String[] digests = new String[uploads.size()];
    Supplier<String> fingerprint =
        () -> {
          RequestFingerprint request = new RequestFingerprint("multipart", draft);
          for (int i = 0; i < uploads.size(); i++) {
            request.file(
                names.get(i),
                digests[i] != null
                    ? digests[i]
                    : RequestFingerprint.digestOf(uploads.get(i).content()));
          }
          return request.value();
        };
    return idempotently(
        idempotencyKey,
        fingerprint,
        () ->
            create(
                draft,
                names,
                (id, limit) -> {
                  long total = 0;
                  for (int i = 0; i < uploads.size(); i++) {
                    InputStream content = uploads.get(i).content();
                    if (idempotencyKey == null) {
                      total += limit.store(id, names.get(i), content, total);
                    } else {
                      DigestInputStream digesting = RequestFingerprint.digesting(content);
                      total += limit.store(id, names.get(i), digesting, total);
                      digests[i] = RequestFingerprint.hex(digesting);
                    }
                  }
                  return total;
                }));
  }

  /**
   * Submits a job whose files were uploaded ahead (see {@link UploadService}): each the caller's,
   * waiting and not expired, taken by this job only, under its own name or the one given. An
   * idempotency key works as for {@link #submit(String, JobDraft, List, String)}.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public JobView submitUploaded(JobDraft draft, List<UploadedFile> files, String idempotencyKey) {
    List<String> ids = files.stream().map(UploadedFile::upload).toList();
    if (ids.stream().distinct().count() < ids.size()) {
      throw BusinessException.invalid("duplicate-upload", "The same upload is named twice.");
    }
    RequestFingerprint request = new RequestFingerprint("uploads", draft);
    files.forEach(f -> request.file(f.name(), f.upload()));
    return idempotently(
        idempotencyKey,
        request::value,
        () -> {
          checkCount(ids.size());
          List<UploadView> found = uploads.usable(ids);
          List<String> names =
              names(
                  IntStream.range(0, files.size())
                      .mapToObj(
                          i -> Optional.ofNullable(files.get(i).name()).orElse(found.get(i).name()))
                      .toList());
          long total = found.stream().mapToLong(UploadView::size).sum();
          if (total > settings.maxInputBytes()) {
            throw BusinessException.tooLarge(
                "input-too-large",
                "The job's files together are larger than "
                    + (settings.maxInputBytes() >> 20)
                    + " MiB.");
          }
          return create(
              draft,
              names,
              (id, limit) -> {
                uploads.take(ids, id);
                for (int i = 0; i < ids.size(); i++) {
                  this.files.moveIn(id, ids.get(i), names.get(i));
                }
                return total;
              });
        });
  }

  // With a key, the first request is remembered with its fingerprint and the job it made.
  private JobView idempotently(
      String key, Supplier<String> fingerprint, Supplier<JobView> submission) {
    if (key == null) {
      return submission.get();
    }
    IdempotencyKeys.Reservation reservation = keys.reserve(key);
    if (!reservation.fresh()) {
      if (reservation.jobId() == null) {
        throw IdempotencyKeys.inUse();
      }
      if (!reservation.fingerprint().equals(fingerprint.get())) {
        throw BusinessException.unprocessable(
            "idempotency-key-reused",
            "This Idempotency-Key was used for another request: send a new key with a new request.");
      }
      return transitions.view(reservation.jobId());
    }
    try {
      JobView job = submission.get();
      keys.complete(reservation.id(), fingerprint.get(), job.id());
      return job;
    } catch (RuntimeException e) {
      keys.release(reservation.id());
      throw e;
    }
  }

  /**
   * Runs a job again: a new job of the caller on the same webapp (its version chosen as for any
   * submission), with the same parameters, queue and mail choice, and copies of its input files.
   * Refused while the job runs (its inputs may be changing), once its files are gone, and for jobs
   * submitted before allgo recorded which files were inputs.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public JobView rerun(long id) {
    JobTransitions.Resubmission again = transitions.resubmission(id);
    return create(
        again.draft(),
        again.inputs(),
        (newId, limit) -> {
          long total = 0;
          for (String name : again.inputs()) {
            try (InputStream content = files.open(id, name)) {
              total += limit.store(newId, name, content, total);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
          return total;
        });
  }

  // Records the job, stores its inputs, queues it; a failure leaves nothing behind.
  private JobView create(JobDraft draft, List<String> inputs, Inputs writer) {
    long id = transitions.create(draft);
    try {
      files.create(id);
      long total =
          writer.write(
              id,
              (job, name, content, stored) ->
                  files.store(
                      job,
                      name,
                      content,
                      settings.maxFileBytes(),
                      settings.maxInputBytes() - stored));
      return transitions.queue(id, total, inputs);
    } catch (RuntimeException e) {
      files.delete(id);
      transitions.discard(id);
      throw e;
    }
  }

  /** Stores a job's input files; returns their total size. */
  @FunctionalInterface
  private interface Inputs {
    long write(long jobId, Store limit);
  }

  /** Stores one file within the limits, given what the job already stored; returns its size. */
  @FunctionalInterface
  private interface Store {
    long store(long jobId, String name, InputStream content, long stored);
  }

  /**
   * The mean duration, in seconds, of the webapp's last successful jobs; 0 when it has none. What
   * the original API called {@code avg_time}.
   */
  public double averageSeconds(String dockerName) {
    return jobs.recentSuccesses(webapps.visible(dockerName), RECENT_FOR_AVERAGE).stream()
            .mapToLong(j -> Math.max(0, Duration.between(j.startedAt(), j.finishedAt()).toMillis()))
            .average()
            .orElse(0)
        / 1000.0;
  }

  /** A webapp named by its docker name or, as the original clients may, by its numeric id. */
  public String dockerName(String idOrName) {
    if (idOrName != null && idOrName.matches("\\d{1,18}")) {
      return webappStore
          .findById(Long.parseLong(idOrName))
          .filter(w -> w.isVisibleTo(webapps.caller().orElse(null)))
          .map(Webapp::dockerName)
          .orElseThrow(
              () ->
                  BusinessException.notFound(
                      "webapp-not-found", "There is no webapp " + idOrName + "."));
    }
    return idOrName;
  }

  public JobView get(long id) {
    return access.job(id).view();
  }

  /**
   * The caller's jobs, newest first; {@code before} is the cursor: the last id of the previous
   * page.
   */
  public List<JobView> list(JobState state, String webapp, Long before, Integer limit) {
    return list(state, webapp, null, null, before, limit);
  }

  /**
   * The caller's jobs, newest first, DELETED ones left out unless asked for.
   *
   * @param state null for any
   * @param webapp docker name, null for any
   * @param since only jobs created at or after it, null for no bound
   * @param until only jobs created before it, null for no bound
   * @param before the cursor: only jobs with a smaller id (the last of the previous page)
   * @param limit the page size, 100 by default, at most 500
   */
  // Times are compared here: the instant converter does not apply to query parameters. Ids grow
  // with creation times, so the first job older than since ends the list.
  public List<JobView> list(
      JobState state, String webapp, Instant since, Instant until, Long before, Integer limit) {
    User caller = access.caller();
    int size = pageSize(limit);
    List<JobView> page = new ArrayList<>();
    Long cursor = before;
    while (page.size() < size) {
      List<Job> batch = jobs.of(caller, state, webapp, cursor, size);
      for (Job job : batch) {
        if (since != null && job.createdAt().isBefore(since)) {
          return page;
        }
        if ((until == null || job.createdAt().isBefore(until)) && page.size() < size) {
          page.add(job.view());
        }
      }
      if (batch.size() < size) {
        break;
      }
      cursor = batch.get(batch.size() - 1).id();
    }
    return page;
  }

  /**
   * The size of a page of jobs asked for with {@code limit}: 100 by default, at most {@link
   * #MAX_LIST}.
   */
  public static int pageSize(Integer limit) {
    return limit == null ? 100 : Math.max(1, Math.min(limit, MAX_LIST));
  }

  /** Aborts a waiting or running job; it is ABORTED when this returns, its container removed. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public JobView abort(long id) {
    if (transitions.abort(id)) {
      dispatcher.awaitStart(id);
      completion.stop(id);
      dispatcher.wake();
    } else {
      files.deleteLiveLog(id);
      watch.changed(id);
    }
    return transitions.view(id);
  }

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
    List<JobFileView> list = files.list(job.id());
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

  private JobLogView log(Job job, long from) {
    Optional<Path> live = liveLog(job);
    if (live.isPresent()) {
      JobLogView portion = files.readLog(live, from, MAX_LOG_PORTION, false);
      if (files.liveLog(job.id()).isPresent()) {
        return portion;
      }
      // The job ended meanwhile and its final log replaced the live one.
    } else if (!ended(job)) {
      return new JobLogView(0, 0, 0, false, "");
    }
    return files.readLog(files.find(job.id(), FileNames.LOG), from, MAX_LOG_PORTION, true);
  }

  // Until the final log is written (its completion deletes the live log), the live log stands for
  // it.
  private Optional<Path> liveLog(Job job) {
    if (ended(job)
        && (job.finishedAt() == null
            || job.finishedAt().isBefore(Instant.now().minus(LIVE_LOG_GRACE)))) {
      return Optional.empty();
    }
    return files.liveLog(job.id());
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

  private static void checkCount(int files) {
    if (files > MAX_FILES) {
      throw BusinessException.invalid(
          "too-many-files", "A job takes at most " + MAX_FILES + " files.");
    }
  }

  private static List<String> names(List<String> given) {
    checkCount(given.size());
    List<String> names = given.stream().map(FileNames::sanitize).toList();
    Set<String> seen = new HashSet<>();
    names.stream()
        .filter(n -> !seen.add(n))
        .findFirst()
        .ifPresent(
            n -> {
              throw BusinessException.invalid(
                  "duplicate-file-name", "Two files are named " + n + ".");
            });
    return names;
  }
}
