package org.allgo.datastore.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.allgo.jobs.control.JobSettings;
import org.allgo.platform.BusinessException;
import org.allgo.platform.control.FileTrees;
import org.allgo.webapps.control.WebappSettings;

/**
 * The input files of webapps' test jobs, {@code <data>/rw/webapp-tests/<docker name>/}, and the
 * fresh working directories a test job runs in, {@code <data>/rw/datastore/test-version-<id>/}.
 */
@Dependent
public class TestJobFiles {

  /** Test files are small: the test job is run at every commit. */
  public static final long MAX_BYTES = 16L << 20;

  @Inject JobSettings settings;

  @Inject WebappSettings webapps;

  Path directory(String dockerName) {
    return webapps.testFiles(dockerName);
  }

  /** Stores a test file under its (already sanitised) name, replacing one of that name. */
  public void store(String dockerName, String name, InputStream content) {
    Storage.requireSpace(settings.datastore());
    Path dir = directory(dockerName);
    Path part = dir.resolve(".upload-" + name);
    try {
      Files.createDirectories(dir);
      Files.deleteIfExists(part);
      Storage.write(
          part,
          name,
          content,
          MAX_BYTES,
          MAX_BYTES,
          () ->
              BusinessException.tooLarge(
                  "file-too-large",
                  "The file " + name + " is larger than " + Storage.mib(MAX_BYTES) + "."));
      Files.move(part, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    } catch (FileAlreadyExistsException e) {
      throw BusinessException.conflict("upload-in-progress", name + " is being uploaded.");
    } catch (IOException e) {
      throw Storage.writeFailure(e, "Cannot store the test file " + name + " of " + dockerName);
    }
  }

  public void delete(String dockerName, String name) {
    try {
      Files.deleteIfExists(directory(dockerName).resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void deleteAll(String dockerName) {
    FileTrees.delete(directory(dockerName));
  }

  /**
   * A fresh working directory for a test run, holding a copy of the test files, writable by the job
   * user.
   */
  public Path prepareRun(long versionId, String dockerName, List<String> names) {
    Path run = webapps.testRun(versionId);
    FileTrees.delete(run);
    try {
      Files.createDirectories(run);
      for (String name : names) {
        Path copy = run.resolve(name);
        Files.copy(directory(dockerName).resolve(name), copy, LinkOption.NOFOLLOW_LINKS);
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-rw-rw-"));
      }
      // The job user (65534) writes here whoever the server runs as.
      Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxrwxrwx"));
      return run;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare the test job of " + dockerName, e);
    }
  }
}
