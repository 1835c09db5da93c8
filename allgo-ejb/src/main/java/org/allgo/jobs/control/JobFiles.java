package org.allgo.jobs.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.allgo.jobs.entity.JobFileView;
import org.allgo.jobs.entity.JobLogView;
import org.allgo.platform.BusinessException;

/**
 * The jobs' directories in the datastore, {@code <data>/rw/datastore/<job id>/}. The program writes
 * there too, as an unprivileged user: nothing in a job directory is trusted, links are never
 * followed, and the platform's own files are written aside and moved into place.
 */
@Dependent
public class JobFiles {

  private static final int JOB_UID = 65534;

  /** Below this much free space, a new job could not even keep its log: none is taken. */
  static final long MIN_FREE_BYTES = 8L << 20;

  @Inject JobSettings settings;

  /**
   * Whether the datastore's disk has room for a job's log and small files ({@link
   * #MIN_FREE_BYTES}); true when the disk cannot say.
   */
  public boolean hasSpace() {
    try {
      return Files.getFileStore(settings.datastore()).getUsableSpace() >= MIN_FREE_BYTES;
    } catch (IOException e) {
      return true;
    }
  }

  private void requireSpace() {
    if (!hasSpace()) {
      throw diskFull();
    }
  }

  private static BusinessException diskFull() {
    return BusinessException.insufficientStorage(
        "disk-full",
        "The server's data disk is full: it takes no new job or file for now. Try again later.");
  }

  // ENOSPC, or a quota reached: the file system's own words.
  private static boolean full(IOException e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("No space left on device") || message.contains("Disk quota exceeded");
  }

  /**
   * Makes the job's empty directory, writable by the job's user, and its empty live log; refused
   * (507) when the disk is full.
   */
  public Path create(long jobId) {
    requireSpace();
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
      return write(
          settings.directory(jobId).resolve(name),
          name,
          content,
          maxFile,
          remaining,
          () ->
              BusinessException.tooLarge(
                  "input-too-large",
                  "The job's files together are larger than "
                      + mib(settings.maxInputBytes())
                      + "."));
    } catch (FileAlreadyExistsException e) {
      throw BusinessException.invalid("duplicate-file-name", "Two files are named " + name + ".");
    } catch (IOException e) {
      if (full(e)) {
        throw diskFull();
      }
      throw new UncheckedIOException("Cannot store " + name + " for job " + jobId, e);
    }
  }

  /**
   * Stores a file uploaded ahead of a job; refuses with 413 once it exceeds {@code maxFile} or the
   * caller's waiting uploads exceed {@code remaining}. Returns its size.
   */
  public long storeUpload(
      String id, String name, InputStream content, long maxFile, long remaining) {
    requireSpace();
    try {
      Files.createDirectories(settings.uploads());
      return write(
          settings.uploads().resolve(id),
          name,
          content,
          maxFile,
          remaining,
          () ->
              BusinessException.tooLarge(
                  "uploads-too-large",
                  "Your files waiting for a job would be larger than "
                      + mib(settings.maxInputBytes())
                      + ": submit a job with them, or delete some."));
    } catch (IOException e) {
      if (full(e)) {
        throw diskFull();
      }
      throw new UncheckedIOException("Cannot store upload " + name, e);
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
        BasicFileAttributes attributes = attributes(entry);
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

  // Copies the content into a new file, within the limits; a refused file is not left behind.
  private long write(
      Path file,
      String name,
      InputStream content,
      long maxFile,
      long remaining,
      Supplier<BusinessException> overRemaining)
      throws IOException {
    long limit = Math.min(maxFile, remaining);
    boolean written = false;
    OutputStream out =
        Files.newOutputStream(
            file,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS);
    try (out) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      for (int n; (n = content.read(buffer)) >= 0; ) {
        total += n;
        if (total > limit) {
          throw total > maxFile
              ? BusinessException.tooLarge(
                  "file-too-large", "The file " + name + " is larger than " + mib(maxFile) + ".")
              : overRemaining.get();
        }
        out.write(buffer, 0, n);
      }
      written = true;
      return total;
    } finally {
      if (!written) {
        Files.deleteIfExists(file);
      }
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
        BasicFileAttributes attributes = attributes(entry);
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
    BasicFileAttributes attributes = attributes(file);
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

  /** The job's live log, while there is one: the program's output so far, without footer. */
  public Optional<Path> liveLog(long jobId) {
    Path live = settings.liveLog(jobId);
    return Files.isRegularFile(live, LinkOption.NOFOLLOW_LINKS)
        ? Optional.of(live)
        : Optional.empty();
  }

  /** Makes the job's empty live log if it has none. */
  public void makeLiveLog(long jobId) {
    Path live = settings.liveLog(jobId);
    try {
      Files.createDirectories(live.getParent());
      Files.createFile(live);
    } catch (FileAlreadyExistsException e) {
      // There is one.
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot make the live log of job " + jobId, e);
    }
  }

  /** The live log has done its work: {@code allgo.log} is final, or the job never ran. */
  public void deleteLiveLog(long jobId) {
    try {
      Files.deleteIfExists(settings.liveLog(jobId));
      Files.deleteIfExists(settings.liveLogCursor(jobId));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete the live log of job " + jobId, e);
    }
  }

  /**
   * The job's live log opened for writing where its copier says; never made here: empty when it is
   * gone (the job ended).
   */
  public Optional<FileChannel> openLiveLog(long jobId) {
    try {
      return Optional.of(
          FileChannel.open(
              settings.liveLog(jobId), StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the live log of job " + jobId, e);
    }
  }

  /** How far the job's live log followed its container, as last kept; empty when unknown. */
  public Optional<LogCursor> readCursor(long jobId) {
    try {
      return LogCursor.parse(Files.readString(settings.liveLogCursor(jobId)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the live log cursor of job " + jobId, e);
    }
  }

  /** Keeps how far the live log followed its container, replacing the cursor at once. */
  public void writeCursor(long jobId, LogCursor cursor) {
    Path file = settings.liveLogCursor(jobId);
    try {
      Path temporary = Files.createTempFile(file.getParent(), ".cursor-", ".tmp");
      Files.writeString(temporary, cursor.format());
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot keep the live log cursor of job " + jobId, e);
    }
  }

  /**
   * A portion of a log of at most {@code max} bytes from {@code from}, or from the end when {@code
   * from} is negative; empty when the file is not there.
   *
   * @param complete the log will not grow any more
   */
  public JobLogView readLog(Optional<Path> log, long from, int max, boolean complete) {
    if (log.isEmpty()) {
      return new JobLogView(0, 0, 0, complete, "");
    }
    try (FileChannel channel =
        FileChannel.open(log.get(), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      long size = channel.size();
      long start = from < 0 ? Math.max(0, size + from) : Math.min(from, size);
      ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(max, size - start));
      while (buffer.hasRemaining() && channel.read(buffer, start + buffer.position()) > 0) {
        // Read until the buffer is full or the file ends.
      }
      byte[] bytes = Arrays.copyOf(buffer.array(), buffer.position());
      return LogPortion.of(bytes, start, size, complete, from < 0);
    } catch (NoSuchFileException e) {
      return new JobLogView(0, 0, 0, complete, "");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the log of a job", e);
    }
  }

  /**
   * The job's {@code allgo.log} in the making, from the first {@code bytes} of its live log, with a
   * line saying that the output is cut there when {@code cutAt} is not null.
   */
  public FinalLog finalLog(long jobId, long bytes, String cutAt) {
    return FinalLog.of(
        settings.directory(jobId),
        settings.liveLog(jobId),
        bytes,
        cutAt == null ? null : "[allgo: the output is cut here, at " + cutAt + "]");
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
    deleteLiveLog(jobId);
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

  private static BasicFileAttributes attributes(Path path) {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      return null;
    }
  }

  static String mib(long bytes) {
    return (bytes >> 20) + " MiB";
  }
}
