package org.allgo.submission.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import org.allgo.datastore.control.UploadFiles;
import org.allgo.datastore.entity.FileNames;
import org.allgo.jobs.control.JobSettings;
import org.allgo.platform.BusinessException;
import org.allgo.submission.control.JobUploads;
import org.allgo.submission.entity.Upload;
import org.allgo.submission.entity.UploadView;

/**
 * Files uploaded ahead of a job, one request each, so that a job can then be submitted as JSON
 * naming them (see {@link SubmissionService#submitUploaded}). An upload is its owner's, waits a few
 * hours ({@link JobUploads#LIFETIME}) and is taken by one job. A user's waiting uploads are limited
 * as one job's files are: {@link SubmissionService#MAX_FILES} files, the input size of a job.
 */
@Stateless
public class UploadService {

  @Inject JobUploads uploads;

  @Inject UploadFiles uploadFiles;

  @Inject JobSettings settings;

  /** Stores the file and records it; the file is read between two transactions. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public UploadView add(Upload upload) {
    String name = FileNames.sanitize(upload.name());
    JobUploads.Waiting waiting = uploads.waitingTotal();
    if (waiting.count() >= SubmissionService.MAX_FILES) {
      throw BusinessException.conflict(
          "too-many-uploads",
          "You have "
              + waiting.count()
              + " files waiting for a job, the most there may be: submit a job with them, or delete some.");
    }
    String id = JobUploads.newId();
    long size =
        uploadFiles.storeUpload(
            id,
            name,
            upload.content(),
            settings.maxFileBytes(),
            settings.maxInputBytes() - waiting.bytes());
    try {
      return uploads.add(id, name, size);
    } catch (RuntimeException e) {
      uploadFiles.deleteUpload(id);
      throw e;
    }
  }

  /** The caller's uploads that wait for a job, oldest first. */
  public List<UploadView> list() {
    return uploads.waiting();
  }

  public UploadView get(String id) {
    return uploads.get(id);
  }

  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void delete(String id) {
    uploads.remove(id);
    uploadFiles.deleteUpload(id);
  }
}
