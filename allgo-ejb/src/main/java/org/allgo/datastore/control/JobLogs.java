package org.allgo.datastore.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.allgo.connector.api.ContainerLogs;
import org.allgo.connector.api.LogChunk;
import org.allgo.datastore.entity.FileNames;
import org.allgo.datastore.entity.JobLogView;
import org.allgo.jobs.control.JobSettings;

/**
 * A job's logs: the live log the platform copies the program's output into while it runs ({@code
 * <data>/rw/live-logs/<id>.log}, outside the directory the program may change), and the final
 * {@code allgo.log} its completion writes; portions of either, read for clients.
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

  /** The live log has done its work: {@code allgo.log} is final, or the job never ran. */
  public void deleteLiveLog(long jobId) {
    try {
      Files.deleteIfExists(settings.liveLog(jobId));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete the live log of job " + jobId, e);
    }
  }

  /**
   * Writes output to the live log at {@code position}, where it belongs: a write repeated by
   * another server writes the same bytes there. Never makes the file: false when it is gone (the
   * job ended).
   */
  public boolean writeLive(long jobId, long position, List<byte[]> output) {
    try (FileChannel channel =
        FileChannel.open(
            settings.liveLog(jobId), StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
      long at = position;
      for (byte[] bytes : output) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          at += channel.write(buffer, at);
        }
      }
      return true;
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the live log of job " + jobId, e);
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

  /** Writes {@code allgo.log}: the program's output in the order it came, then the footer. */
  public void writeLog(long jobId, ContainerLogs logs, String footer) {
    Path dir = settings.directory(jobId);
    try {
      Path temporary = Files.createTempFile(dir, ".allgo-", ".log");
      try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.WRITE)) {
        boolean endsWithNewLine = true;
        for (LogChunk chunk : logs.chunks()) {
          byte[] bytes = chunk.bytes();
          out.write(bytes);
          if (bytes.length > 0) {
            endsWithNewLine = bytes[bytes.length - 1] == '\n';
          }
        }
        if (!endsWithNewLine) {
          out.write('\n');
        }
        out.write(footer.getBytes(StandardCharsets.UTF_8));
      }
      Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
      // A rename replaces whatever the program left under that name, a link included, not its
      // target.
      Files.move(
          temporary,
          dir.resolve(FileNames.LOG),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the log of job " + jobId, e);
    }
  }
}
