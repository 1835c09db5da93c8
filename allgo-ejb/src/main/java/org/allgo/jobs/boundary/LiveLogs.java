package org.allgo.jobs.boundary;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.allgo.connector.api.DockerException;
import org.allgo.connector.api.LogEntry;
import org.allgo.jobs.control.JobContainers;
import org.allgo.jobs.control.JobFiles;
import org.allgo.jobs.control.JobSettings;
import org.allgo.jobs.control.JobTransitions;
import org.allgo.jobs.control.LogCursor;

/**
 * Copies the output of the jobs this server started into their live logs as it comes, every second,
 * so that clients follow a job while it runs; the job's completion then writes the final {@code
 * allgo.log} (the same output and its footer) and deletes the live log. One pass at a time on the
 * timer's thread, apart from the dispatcher's: each running job costs two short engine calls a
 * pass, and reading the tail of its log costs what the log grew by.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// Bean-managed: no transaction a failed call could doom, which would end the timer (see
// Dispatcher).
@TransactionManagement(TransactionManagementType.BEAN)
public class LiveLogs {

  private static final System.Logger LOG = System.getLogger(LiveLogs.class.getName());
  // Tails asked for in turn until one reaches back to the last message copied; -1 is all.
  private static final int[] TAILS = {64, 4096, -1};
  // A job whose live log is not there (it ended, or was submitted before there were live logs).
  private static final LogCursor GONE = new LogCursor(null, -1);

  private final AtomicBoolean busy = new AtomicBoolean();
  private final Map<Long, LogCursor> cursors = new ConcurrentHashMap<>();

  @Inject JobTransitions transitions;

  @Inject JobContainers containers;

  @Inject JobFiles files;

  @Inject JobSettings settings;

  @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
  void tick() {
    if (!busy.compareAndSet(false, true)) {
      return;
    }
    try {
      Map<Long, String> running = transitions.runningContainers(settings.node());
      cursors.keySet().retainAll(running.keySet());
      running.forEach(this::follow);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Following the logs of running jobs failed: {0}", e.toString());
    } finally {
      busy.set(false);
    }
  }

  private void follow(long jobId, String container) {
    LogCursor cursor = cursors.getOrDefault(jobId, LogCursor.START);
    if (cursor == GONE) {
      return;
    }
    try {
      Optional<List<LogEntry>> news = Optional.empty();
      for (int i = 0; i < TAILS.length && news.isEmpty(); i++) {
        int count = cursor == LogCursor.START ? -1 : TAILS[i];
        List<LogEntry> tail = containers.tail(container, count);
        news = cursor.after(tail);
        if (news.isEmpty() && (count < 0 || tail.size() < count)) {
          // The whole log, without the last message copied: copy it all again, over the same bytes.
          cursor = LogCursor.START;
          news = Optional.of(tail);
        }
      }
      List<LogEntry> copied = news.orElseThrow();
      if (copied.isEmpty()) {
        return;
      }
      boolean written =
          files.writeLive(
              jobId, cursor.position(), copied.stream().map(e -> e.chunk().bytes()).toList());
      cursors.put(jobId, written ? cursor.advance(copied) : GONE);
    } catch (DockerException | UncheckedIOException e) {
      LOG.log(
          Level.DEBUG, "The output of job {0} could not be copied now: {1}", jobId, e.toString());
    }
  }
}
