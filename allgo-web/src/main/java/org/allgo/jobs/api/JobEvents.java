package org.allgo.jobs.api;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.allgo.accounts.boundary.CallerScope;
import org.allgo.accounts.entity.Caller;
import org.allgo.datastore.boundary.DatastoreService;
import org.allgo.datastore.entity.JobFollow;
import org.allgo.datastore.entity.JobLogView;
import org.allgo.jobs.entity.JobState;
import org.allgo.jobs.entity.JobView;
import org.allgo.platform.BusinessException;

/**
 * The Server-Sent Events of jobs: {@code state} (the job) when it changes, {@code log} (new whole
 * lines of its {@code allgo.log}) as they are written, the job's ended state last, then the stream
 * closes. A stream looks at its job every second, and at once when the job ends on this server
 * ({@link DatastoreService#watch}), and sends what changed; streams run on a scheduled executor of
 * the server's managed threads (one context for all, not one captured per look). Event ids are
 * offsets in the log, so that a client reconnecting with {@code Last-Event-ID} gets the lines it
 * missed and no others.
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

  // Streams wait much more than they work: a few threads serve them all.
  private static final int THREADS = 4;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  private ScheduledThreadPoolExecutor executor;

  @Inject DatastoreService datastore;

  @Inject CallerScope callers;

  private final Set<Stream> streams = ConcurrentHashMap.newKeySet();

  /**
   * Starts the stream of the caller's job, its log from byte {@code from}; the caller may read the
   * job.
   */
  public void open(long jobId, long from, SseEventSink sink, Sse sse) {
    Stream stream = new Stream(callers.current().orElse(null), jobId, Math.max(0, from), sink, sse);
    streams.add(stream);
    stream.start();
  }

  @PostConstruct
  void startExecutor() {
    executor = new ScheduledThreadPoolExecutor(THREADS, threads);
    executor.setRemoveOnCancelPolicy(true);
  }

  @PreDestroy
  void closeAll() {
    streams.forEach(Stream::close);
    executor.shutdownNow();
  }

  private final class Stream implements Runnable {

    // Who opened the stream, as the request knew them: each look finds them by id, from the cache.
    private final Caller caller;
    private final long jobId;
    private final SseEventSink sink;
    private final Sse sse;
    private long offset;
    private JobView sent;
    private Instant lastEvent = Instant.now();
    private Runnable unfollow;
    // The looks on the timer, scheduled once (each scheduling captures the application's context).
    private ScheduledFuture<?> looks;
    private boolean closed;

    Stream(Caller caller, long jobId, long offset, SseEventSink sink, Sse sse) {
      this.caller = caller;
      this.jobId = jobId;
      this.offset = offset;
      this.sink = sink;
      this.sse = sse;
    }

    synchronized void start() {
      unfollow = datastore.watch(jobId, () -> executor.execute(this));
      looks = executor.scheduleWithFixedDelay(this, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    // One look at a time, whether the timer or the watch asked for it.
    @Override
    public synchronized void run() {
      if (closed) {
        return;
      }
      try {
        if (!sink.isClosed() && look()) {
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

    private boolean look() {
      if (caller == null) {
        return turn();
      }
      boolean[] more = {false};
      callers.run(caller, () -> more[0] = turn());
      return more[0];
    }

    // One look at the job; false when the stream is over.
    private boolean turn() {
      JobFollow look = datastore.follow(jobId, offset);
      JobView job = look.job();
      boolean logEnded = look.log() == null || sendLog(look.log());
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
    private boolean sendLog(JobLogView first) {
      JobLogView log = first;
      for (int i = 0; i < PORTIONS_PER_TURN; i++) {
        if (i > 0) {
          log = datastore.log(jobId, offset);
        }
        boolean progress = log.next() > offset;
        if (progress) {
          offset = log.next();
          send(
              event("log")
                  .data(LogLines.class, new LogLines(log.offset(), log.next(), log.text())));
        }
        if (log.ended() || !progress || log.next() >= log.size()) {
          return log.ended();
        }
      }
      return false;
    }

    private OutboundSseEvent.Builder event(String name) {
      OutboundSseEvent.Builder event =
          sse.newEventBuilder()
              .name(name)
              .id(Long.toString(offset))
              .mediaType(MediaType.APPLICATION_JSON_TYPE);
      return sent == null ? event.reconnectDelay(RECONNECT_MILLIS) : event;
    }

    private void send(OutboundSseEvent.Builder event) {
      sink.send(event.build()).toCompletableFuture().join();
      lastEvent = Instant.now();
    }

    synchronized void close() {
      closed = true;
      if (looks != null) {
        looks.cancel(false);
      }
      if (unfollow != null) {
        unfollow.run();
      }
      streams.remove(this);
      try {
        sink.close();
      } catch (RuntimeException e) {
        LOG.log(Level.DEBUG, "Closing the events of job {0}: {1}", jobId, e.toString());
      }
    }
  }
}
