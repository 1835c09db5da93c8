package org.allgo.submission.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.allgo.datastore.control.JobFiles;
import org.allgo.datastore.control.UploadFiles;
import org.allgo.jobs.control.JobSettings;
import org.allgo.jobs.entity.JobView;
import org.allgo.jobs.entity.Parameters;
import org.allgo.platform.BusinessException;
import org.allgo.submission.control.IdempotentSubmission;
import org.allgo.submission.control.InputNames;
import org.allgo.submission.control.JobUploads;
import org.allgo.submission.control.RequestFingerprint;
import org.allgo.submission.control.Submissions;
import org.allgo.submission.control.UploadInputs;
import org.allgo.submission.entity.JobDraft;
import org.allgo.submission.entity.JobLimits;
import org.allgo.submission.entity.Upload;
import org.allgo.submission.entity.UploadView;
import org.allgo.submission.entity.UploadedFile;
import org.allgo.webapps.control.Access;

/**
 * Submitting jobs, for the request's caller: with their files in the request, with files uploaded
 * ahead ({@link UploadService}), or again from an ended job. A submission is checked and recorded,
 * its files stored, then queued; a refused one leaves nothing behind. An Idempotency-Key makes a
 * retried request get the job the first one made.
 */
@Stateless
public class SubmissionService {

  public static final int MAX_FILES = InputNames.MAX_FILES;

  @Inject Access webapps;

  @Inject Submissions submissions;

  @Inject JobFiles files;

  @Inject UploadFiles uploadFiles;

  @Inject JobSettings settings;

  @Inject IdempotentSubmission idempotent;

  @Inject JobUploads uploads;

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
    List<String> names = InputNames.of(uploads.stream().map(Upload::name).toList());
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
    return idempotent.submit(
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
  public JobView submitUploaded(
      JobDraft draft, List<UploadedFile> requested, String idempotencyKey) {
    List<UploadedFile> files =
        draft.inputs() == null
            ? requested
            : UploadInputs.files(
                draft,
                requested,
                uploads.waiting().stream().map(UploadView::id).collect(Collectors.toSet()));
    List<String> ids = files.stream().map(UploadedFile::upload).toList();
    if (ids.stream().distinct().count() < ids.size()) {
      throw BusinessException.invalid("duplicate-upload", "The same upload is named twice.");
    }
    RequestFingerprint request = new RequestFingerprint("uploads", draft);
    files.forEach(f -> request.file(f.name(), f.upload()));
    return idempotent.submit(
        idempotencyKey,
        request::value,
        () -> {
          InputNames.checkCount(ids.size());
          List<UploadView> found = uploads.usable(ids);
          List<String> names =
              InputNames.of(
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
              UploadInputs.named(draft, ids, names),
              names,
              (id, limit) -> {
                uploads.take(ids, id);
                for (int i = 0; i < ids.size(); i++) {
                  uploadFiles.moveIn(id, ids.get(i), names.get(i));
                }
                return total;
              });
        });
  }

  /**
   * Runs a job again: a new job of the caller on the same webapp (its version chosen as for any
   * submission), with the same parameters, queue and mail choice, and copies of its input files.
   * Refused while the job runs (its inputs may be changing), once its files are gone, and for jobs
   * submitted before allgo recorded which files were inputs.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public JobView rerun(long id) {
    Submissions.Resubmission again = submissions.resubmission(id);
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
    long id = submissions.create(draft, inputs);
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
      return submissions.queue(id, total, inputs);
    } catch (RuntimeException e) {
      files.delete(id);
      submissions.discard(id);
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

  /** What the platform accepts, so that clients can check before they send. */
  public JobLimits limits() {
    return new JobLimits(
        settings.maxFileBytes(),
        settings.maxInputBytes(),
        settings.maxOutputBytes(),
        settings.maxLogBytes(),
        MAX_FILES,
        Parameters.MAX_LENGTH);
  }

  /** A webapp named by its docker name or, as the original clients may, by its numeric id. */
  public String dockerName(String idOrName) {
    return webapps.dockerName(idOrName);
  }
}
