package org.allgo.jobs.api;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.allgo.jobs.boundary.JobService;
import org.allgo.jobs.entity.JobLogView;
import org.allgo.jobs.entity.JobState;
import org.allgo.jobs.entity.JobView;
import org.allgo.platform.BusinessException;

/**
 * The Server-Sent Events of jobs: {@code state} (the job) when it changes, {@code log} (new whole
 * lines of its {@code allgo.log}) as they are written, the job's ended state last, then the stream
 * closes. Each stream is a task of the managed scheduled executor that looks at its job every
 * second and sends what changed; event ids are offsets in the log, so that a client reconnecting
 * with {@code Last-Event-ID} gets the lines it missed and no others.
 */
@ApplicationScoped
public class JobEvents {

  static final Duration POLL = Duration.ofSeconds(1);
  private static final Duration HEARTBEAT = Duration.ofSeconds(15);
  private static final long RECONNECT_MILLIS = 2000;
  // Portions of the log sent in one turn, so that one stream does not hold the executor long.
  private static final int PORTIONS_PER_TURN = 4;
  private static final System.Logger LOG = System.getLogger(JobEvents.class.getName());

  /** A {@code log} event: the text from {@code offset} to {@code next}, whole lines. */
  public record LogLines(long offset, long next, String text) {}

  @Resource
  ManagedScheduledExecutorService executor;

  @Inject
  JobService jobs;

  private final Set<Stream> streams = ConcurrentHashMap.newKeySet();

  /** Starts the stream of the caller's job, its log from byte {@code from}; the caller may read the job. */
  public void open(String email, long jobId, long from, SseEventSink sink, Sse sse) {
    Stream stream = new Stream(email, jobId, Math.max(0, from), sink, sse);
    streams.add(stream);
    executor.execute(stream);
  }

  @PreDestroy
  void closeAll() {
    streams.forEach(Stream::close);
  }

  private final class Stream implements Runnable {

    private final String email;
    private final long jobId;
    private final SseEventSink sink;
    private final Sse sse;
    private long offset;
    private JobView sent;
    private Instant lastEvent = Instant.now();

    Stream(String email, long jobId, long offset, SseEventSink sink, Sse sse) {
      this.email = email;
      this.jobId = jobId;
      this.offset = offset;
      this.sink = sink;
      this.sse = sse;
    }

    @Override
    public void run() {
      try {
        if (!sink.isClosed() && turn()) {
          executor.schedule(this, POLL.toMillis(), TimeUnit.MILLISECONDS);
          return;
        }
      } catch (BusinessException e) {
        // The job was deleted or archived, or its owner lost access: nothing more to tell.
        LOG.log(Level.DEBUG, "Events of job {0} end: {1}", jobId, e.getMessage());
      } catch (CompletionException | IllegalStateException e) {
        LOG.log(Level.DEBUG, "Events of job {0} end, the client went: {1}", jobId, e.toString());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Events of job " + jobId + " failed", e);
      }
      close();
    }

    // One look at the job; false when the stream is over.
    private boolean turn() {
      JobView job = jobs.get(email, jobId);
      boolean gone = job.state() == JobState.ARCHIVED || job.state() == JobState.DELETED;
      boolean logEnded = gone || sendLog();
      // An ended state comes once its log has ended too: it is always the last event.
      boolean jobEnded = job.state() != JobState.NEW && !job.state().active();
      if (!sameState(job, sent) && (!jobEnded || logEnded)) {
        send(event("state").data(JobView.class, job));
        sent = job;
      }
      if (jobEnded && logEnded) {
        return false;
      }
      if (lastEvent.plus(HEARTBEAT).isBefore(Instant.now())) {
        send(sse.newEventBuilder().comment("still there"));
      }
      return true;
    }

    // A state event tells a change of state: a running job's start time set when its container
    // starts is no news.
    private static boolean sameState(JobView job, JobView sent) {
      return sent != null && job.state() == sent.state() && job.result() == sent.result();
    }

    // The log's new lines; true once it has ended.
    private boolean sendLog() {
      for (int i = 0; i < PORTIONS_PER_TURN; i++) {
        JobLogView log = jobs.log(email, jobId, offset);
        boolean progress = log.next() > offset;
        if (progress) {
          offset = log.next();
          send(event("log").data(LogLines.class, new LogLines(log.offset(), log.next(), log.text())));
        }
        if (log.ended() || !progress || log.next() >= log.size()) {
          return log.ended();
        }
      }
      return false;
    }

    private OutboundSseEvent.Builder event(String name) {
      OutboundSseEvent.Builder event = sse.newEventBuilder().name(name).id(Long.toString(offset))
          .mediaType(MediaType.APPLICATION_JSON_TYPE);
      return sent == null ? event.reconnectDelay(RECONNECT_MILLIS) : event;
    }

    private void send(OutboundSseEvent.Builder event) {
      sink.send(event.build()).toCompletableFuture().join();
      lastEvent = Instant.now();
    }

    void close() {
      streams.remove(this);
      try {
        sink.close();
      } catch (RuntimeException e) {
        LOG.log(Level.DEBUG, "Closing the events of job {0}: {1}", jobId, e.toString());
      }
    }
  }
}
