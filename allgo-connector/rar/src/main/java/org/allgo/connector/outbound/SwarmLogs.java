package org.allgo.connector.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.allgo.connector.adapter.Failures;
import org.allgo.connector.api.ContainerLogs;
import org.allgo.connector.api.LogChunk;
import org.allgo.connector.api.LogEntry;
import org.allgo.connector.api.LogSink;
import org.allgo.connector.outbound.SwarmJobs.Service;
import org.allgo.connector.swarm.SwarmApi;
import org.allgo.connector.swarm.Witness;

/**
 * The logs of swarm jobs: what the swarm gathers from a task's node, or the log kept when the job
 * was killed ({@link ServiceRecords}). The witness's report, the log's last message, is left out of
 * what callers read; only the job's end is told by it ({@link #last}). When the node that holds a
 * log is down, what came before is all there is.
 */
final class SwarmLogs {

  private static final System.Logger LOG = System.getLogger(SwarmLogs.class.getName());

  private final SwarmApi api;
  private final ServiceRecords records;

  SwarmLogs(SwarmApi api, ServiceRecords records) {
    this.api = api;
    this.records = records;
  }

  ContainerLogs logs(Service service) {
    Optional<ServiceRecords.Killed> killed = records.killed(service.id());
    if (killed.isPresent()) {
      return new ContainerLogs(killed.get().log().stream().map(LogEntry::chunk).toList());
    }
    return new ContainerLogs(Witness.withoutReport(frames(service, "")));
  }

  /** The job's log from {@code since} into {@code sink}, without the witness's report. */
  void read(Service service, Instant since, LogSink sink) {
    Optional<ServiceRecords.Killed> killed = records.killed(service.id());
    if (killed.isPresent()) {
      for (LogEntry entry : killed.get().log()) {
        if ((since == null || !entry.time().isBefore(since)) && !sink.accept(entry)) {
          return;
        }
      }
      return;
    }
    String options =
        since == null ? "&timestamps=1" : "&timestamps=1&since=" + LogFrames.since(since);
    read(
        service,
        options,
        chunk -> {
          LogEntry entry = TimestampedFrames.entry(chunk);
          return Witness.isReport(entry.chunk()) || sink.accept(entry);
        });
  }

  /** The job's last {@code count} messages (all of them when negative), without the report. */
  List<LogEntry> tail(Service service, int count) {
    Optional<ServiceRecords.Killed> killed = records.killed(service.id());
    if (killed.isPresent()) {
      List<LogEntry> log = killed.get().log();
      return count < 0 ? log : log.subList(Math.max(0, log.size() - count), log.size());
    }
    return withoutReport(service, count);
  }

  /** The whole log as the swarm has it, without the report: what is kept of a killed job. */
  List<LogEntry> whole(Service service) {
    return withoutReport(service, -1);
  }

  /** The log's last messages, among which the witness's report when the job ended under it. */
  List<LogEntry> end(Service service) {
    return entries(service, Witness.TAIL);
  }

  private List<LogEntry> withoutReport(Service service, int count) {
    return entries(service, count).stream().filter(e -> !Witness.isReport(e.chunk())).toList();
  }

  private List<LogEntry> entries(Service service, int count) {
    return frames(service, "&timestamps=1&tail=" + (count < 0 ? "all" : Integer.toString(count)))
        .stream()
        .map(TimestampedFrames::entry)
        .toList();
  }

  private List<LogChunk> frames(Service service, String options) {
    List<LogChunk> chunks = new ArrayList<>();
    read(service, options, chunks::add);
    return chunks;
  }

  // Hands each frame to more, until it answers false.
  private void read(Service service, String options, Predicate<LogChunk> more) {
    String what = "Cannot read the log of swarm job " + service.name();
    try (InputStream body = api.logs(service.id(), options)) {
      FrameReader frames = new FrameReader(body);
      for (Optional<LogChunk> chunk = frames.next(); chunk.isPresent(); chunk = frames.next()) {
        if (!more.test(chunk.get())) {
          return;
        }
      }
    } catch (FrameReader.EngineError e) {
      // The node that holds the log is down: what came before is all there is.
      LOG.log(Level.DEBUG, "{0}: {1}", what, e.getMessage());
    } catch (IOException e) {
      throw Failures.unavailable(what, e);
    }
  }
}
