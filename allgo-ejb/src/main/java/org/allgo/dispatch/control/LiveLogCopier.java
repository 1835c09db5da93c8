package org.allgo.dispatch.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.allgo.connector.api.LogEntry;
import org.allgo.datastore.control.JobLogs;
import org.allgo.datastore.control.LogCursor;
import org.allgo.jobs.control.JobSettings;

/**
 * Copies a job's output from the engine into its live log, message by message as the engine sends
 * it, so that no log is ever held whole, and never beyond the job's log limit. Where a copy ended
 * (its {@link LogCursor}) is kept beside the live log, so that the next copy — on this server after
 * a restart, or the completion's on another — goes on from there. One copy of a job at a time here;
 * copies on two servers write the same bytes at the same places.
 */
@ApplicationScoped
public class LiveLogCopier {

  private static final int BUFFER = 64 * 1024;

  @Inject JobContainers containers;

  @Inject JobLogs logs;

  @Inject JobSettings settings;

  private final Map<Long, LogCursor> cursors = new ConcurrentHashMap<>();
  private final Map<Long, Object> locks = new ConcurrentHashMap<>();

  /**
   * The live log's size, and whether the program wrote more than the job's log may hold.
   *
   * @param overLimit true when some output did not fit: the live log stops before it
   */
  public record Copied(long bytes, boolean overLimit) {}

  /**
   * Copies what the container wrote since the last copy, {@code budget} bytes at most this time (a
   * message is never split); empty when the job has no live log (it ended).
   */
  public Optional<Copied> copy(long jobId, String container, long budget) {
    synchronized (locks.computeIfAbsent(jobId, id -> new Object())) {
      Optional<FileChannel> live = logs.openLiveLog(jobId);
      if (live.isEmpty()) {
        cursors.remove(jobId);
        return Optional.empty();
      }
      try (FileChannel channel = live.get()) {
        LogCursor start =
            Optional.ofNullable(cursors.get(jobId))
                .or(() -> logs.readCursor(jobId))
                .orElse(LogCursor.START);
        Copying copying = new Copying(start, channel, settings.maxLogBytes(), budget);
        containers.readLogs(container, start.since().orElse(null), copying::accept);
        LogCursor end = copying.finish();
        if (!end.equals(start)) {
          cursors.put(jobId, end);
          logs.writeCursor(jobId, end);
        }
        return Optional.of(new Copied(end.position(), copying.overLimit));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot copy the output of job " + jobId, e);
      }
    }
  }

  /** The jobs still followed here; the others are forgotten. */
  public void keepOnly(Set<Long> jobIds) {
    cursors.keySet().retainAll(jobIds);
    locks.keySet().retainAll(jobIds);
  }

  /** The job ended: its cursor goes with its live log. */
  public void forget(long jobId) {
    cursors.remove(jobId);
  }

  // One reading: new messages written in order into the live log through a buffer.
  private static final class Copying {

    private final LogCursor.Reading reading;
    private final FileChannel channel;
    private final long limit;
    private final long budget;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
    private LogCursor cursor;
    private long flushed;
    private long copied;
    private boolean overLimit;

    Copying(LogCursor start, FileChannel channel, long limit, long budget) {
      this.reading = start.reading();
      this.channel = channel;
      this.limit = limit;
      this.budget = budget;
      this.cursor = start;
      this.flushed = start.position();
    }

    boolean accept(LogEntry entry) {
      if (!reading.isNew(entry)) {
        return true;
      }
      byte[] bytes = entry.chunk().bytes();
      if (cursor.position() + bytes.length > limit) {
        overLimit = true;
        return false;
      }
      try {
        if (buffer.remaining() < bytes.length) {
          flush();
        }
        if (bytes.length > buffer.capacity()) {
          write(ByteBuffer.wrap(bytes));
        } else {
          buffer.put(bytes);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write a live log", e);
      }
      cursor = cursor.advance(entry, bytes.length);
      copied += bytes.length;
      return copied < budget;
    }

    LogCursor finish() throws IOException {
      flush();
      return cursor;
    }

    private void flush() throws IOException {
      buffer.flip();
      write(buffer);
      buffer.clear();
    }

    private void write(ByteBuffer bytes) throws IOException {
      while (bytes.hasRemaining()) {
        flushed += channel.write(bytes, flushed);
      }
    }
  }
}
