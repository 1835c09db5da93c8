package org.allgo.datastore.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.allgo.datastore.entity.FileNames;
import org.allgo.datastore.entity.JobFileView;
import org.allgo.jobs.control.JobSettings;
import org.allgo.platform.BusinessException;

/**
 * The jobs' directories in the datastore, {@code <data>/rw/datastore/<job id>/}. The program writes
 * there too, as an unprivileged user: nothing in a job directory is trusted, links are never
 * followed, and the platform's own files are written aside and moved into place.
 */
@Dependent
public class JobFiles {

  private static final int JOB_UID = 65534;

  @Inject JobSettings settings;

  @Inject JobLogs logs;

  /**
   * Whether the datastore's disk has room for a job's log and small files; true if it cannot say.
   */
  public boolean hasSpace() {
    return Storage.hasSpace(settings.datastore());
  }

  /**
   * Makes the job's empty directory, writable by the job's user, and its empty live log; refused
   * (507) when the disk is full.
   */
  public Path create(long jobId) {
    Storage.requireSpace(settings.datastore());
    Path dir = settings.directory(jobId);
    try {
      Files.createDirectories(dir.getParent());
      Files.createDirectory(dir);
      Path live = settings.liveLog(jobId);
      Files.createDirectories(live.getParent());
      Files.deleteIfExists(live);
      Files.deleteIfExists(settings.liveLogCursor(jobId));
      Files.createFile(live);
      try {
        Files.setAttribute(dir, "unix:uid", JOB_UID, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(dir, "unix:gid", JOB_UID, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException | UnsupportedOperationException | SecurityException e) {
        // Not root: let every user write instead.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot make the directory of job " + jobId, e);
    }
  }

  /**
   * Stores an upload under its (already sanitised) name; refuses with 413 once the file exceeds
   * {@code maxFile} or the job's inputs exceed {@code remaining}. Returns its size.
   */
  public long store(long jobId, String name, InputStream content, long maxFile, long remaining) {
    try {
      return Storage.write(
          settings.directory(jobId).resolve(name),
          name,
          content,
          maxFile,
          remaining,
          () ->
              BusinessException.tooLarge(
                  "input-too-large",
                  "The job's files together are larger than "
                      + Storage.mib(settings.maxInputBytes())
                      + "."));
    } catch (FileAlreadyExistsException e) {
      throw BusinessException.invalid("duplicate-file-name", "Two files are named " + name + ".");
    } catch (IOException e) {
      throw Storage.writeFailure(e, "Cannot store " + name + " for job " + jobId);
    }
  }

  /** The regular files at the top of the job's directory, by name. */
  public List<JobFileView> list(long jobId) {
    Path dir = settings.directory(jobId);
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    List<JobFileView> files = new ArrayList<>();
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        String name = entry.getFileName().toString();
        BasicFileAttributes attributes = Storage.attributes(entry);
        if (attributes != null
            && attributes.isRegularFile()
            && FileNames.isValid(name)
            && !name.startsWith(".allgo-")) {
          files.add(new JobFileView(name, attributes.size()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the files of job " + jobId, e);
    }
    files.sort(Comparator.comparing(JobFileView::name));
    return files;
  }

  /** A regular file of the job (never through a link), if there is one by that name. */
  public Optional<Path> find(long jobId, String name) {
    if (!FileNames.isValid(name) || name.startsWith(".allgo-")) {
      return Optional.empty();
    }
    Path file = settings.directory(jobId).resolve(name);
    BasicFileAttributes attributes = Storage.attributes(file);
    return attributes != null && attributes.isRegularFile() ? Optional.of(file) : Optional.empty();
  }

  /**
   * The regular file of the job, never through a link, opened for reading; refused with 409 when it
   * is no longer there.
   */
  public InputStream open(long jobId, String name) {
    Path file =
        find(jobId, name)
            .orElseThrow(
                () ->
                    BusinessException.conflict(
                        "input-missing",
                        "The file " + name + " of job " + jobId + " is no longer there."));
    try {
      return Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + name + " of job " + jobId, e);
    }
  }

  /** Bytes in the job's directory, links not followed: what it takes on disk while it runs. */
  public long size(long jobId) {
    return size(jobId, false);
  }

  /**
   * Bytes the program left in the job's directory, links not followed: not counting {@code
   * allgo.log} at its top, which the platform's log replaces, nor the platform's own files.
   */
  public long outputSize(long jobId) {
    return size(jobId, true);
  }

  private long size(long jobId, boolean outputOnly) {
    Path dir = settings.directory(jobId);
    AtomicLong total = new AtomicLong();
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              String name = file.getFileName().toString();
              boolean platforms =
                  file.getParent().equals(dir)
                      && (name.equals(FileNames.LOG) || name.startsWith(".allgo-"));
              if (!(outputOnly && platforms)) {
                total.addAndGet(attributes.size());
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot measure the files of job " + jobId, e);
    }
    return total.get();
  }

  /**
   * Removes the job's directory and everything in it, and its live log; true when there was one.
   */
  public boolean delete(long jobId) {
    logs.deleteLiveLog(jobId);
    Path dir = settings.directory(jobId);
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException e)
                throws IOException {
              if (e != null) {
                throw e;
              }
              Files.delete(directory);
              return FileVisitResult.CONTINUE;
            }
          });
      return true;
    } catch (NoSuchFileException e) {
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete the files of job " + jobId, e);
    }
  }
}
