package org.allgo.datastore.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.stream.Stream;
import org.allgo.jobs.control.JobSettings;
import org.allgo.platform.BusinessException;

/**
 * Files uploaded ahead of a job, {@code <data>/rw/uploads/<id>}, until a job takes them (the same
 * file system as the datastore, so that a job takes them by a rename).
 */
@Dependent
public class UploadFiles {

  @Inject JobSettings settings;

  /**
   * Stores a file uploaded ahead of a job; refuses with 413 once it exceeds {@code maxFile} or the
   * caller's waiting uploads exceed {@code remaining}. Returns its size.
   */
  public long storeUpload(
      String id, String name, InputStream content, long maxFile, long remaining) {
    Storage.requireSpace(settings.datastore());
    try {
      Files.createDirectories(settings.uploads());
      return Storage.write(
          settings.uploads().resolve(id),
          name,
          content,
          maxFile,
          remaining,
          () ->
              BusinessException.tooLarge(
                  "uploads-too-large",
                  "Your files waiting for a job would be larger than "
                      + Storage.mib(settings.maxInputBytes())
                      + ": submit a job with them, or delete some."));
    } catch (IOException e) {
      throw Storage.writeFailure(e, "Cannot store upload " + name);
    }
  }

  /** Moves an upload into the job's directory under its name. */
  public void moveIn(long jobId, String uploadId, String name) {
    try {
      Files.move(
          settings.uploads().resolve(uploadId),
          settings.directory(jobId).resolve(name),
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot move upload " + uploadId + " into job " + jobId, e);
    }
  }

  public void deleteUpload(String id) {
    try {
      Files.deleteIfExists(settings.uploads().resolve(id));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete upload " + id, e);
    }
  }

  /**
   * Deletes the upload files last changed before {@code before}, whatever their record; returns how
   * many.
   */
  public int deleteUploadsOlderThan(Instant before) {
    if (!Files.isDirectory(settings.uploads())) {
      return 0;
    }
    try (Stream<Path> entries = Files.list(settings.uploads())) {
      int deleted = 0;
      for (Path entry : (Iterable<Path>) entries::iterator) {
        BasicFileAttributes attributes = Storage.attributes(entry);
        if (attributes != null
            && attributes.lastModifiedTime().toInstant().isBefore(before)
            && Files.deleteIfExists(entry)) {
          deleted++;
        }
      }
      return deleted;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot clean the uploads", e);
    }
  }
}
