package org.allgo.datastore.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;
import org.allgo.datastore.entity.JobLogView;
import org.allgo.jobs.control.JobSettings;

/**
 * A job's logs: the live log the platform copies the program's output into while it runs ({@code
 * <data>/rw/live-logs/<id>.log}, outside the directory the program may change) with its cursor
 * beside it, and the final {@code allgo.log} its completion makes from it ({@link FinalLog});
 * portions of either, read for clients.
 */
@Dependent
public class JobLogs {

  @Inject JobSettings settings;

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
}
