package org.allgo.dispatch.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.allgo.connector.api.ConflictException;
import org.allgo.connector.api.DockerException;
import org.allgo.connector.api.EngineUnavailableException;
import org.allgo.connector.api.NotFoundException;
import org.allgo.connector.api.PolicyRefusedException;
import org.allgo.jobs.control.JobWatch;

/**
 * The containers of claimed jobs, started in parallel, {@value #PARALLEL_STARTS} at a time, on
 * threads of the application server's managed thread factory (a managed executor would capture the
 * application's context again for every job), so that a slow start or a long pull holds no other
 * job back. A start decided is carried out even if the application begins to stop meanwhile.
 */
@ApplicationScoped
public class JobStarts {

  private static final System.Logger LOG = System.getLogger(JobStarts.class.getName());

  // Container creation and start are the engine's work; more at once only queue up there.
  static final int PARALLEL_STARTS = 4;

  // How long a stopping engine may still answer after failing a start.
  private static final Duration ENGINE_STOPPING = Duration.ofSeconds(10);

  // Claimed by this server, their containers not started yet: supervision leaves them alone.
  private final Map<Long, CountDownLatch> starting = new ConcurrentHashMap<>();

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  @Inject JobTransitions transitions;

  @Inject JobContainers containers;

  @Inject JobCompletion completion;

  @Inject JobWatch watch;

  @Inject BackgroundWork work;

  @Inject WarmPool warm;

  private ThreadPoolExecutor starts;

  @PostConstruct
  void open() {
    starts =
        new ThreadPoolExecutor(
            PARALLEL_STARTS,
            PARALLEL_STARTS,
            1,
            TimeUnit.MINUTES,
            new LinkedBlockingQueue<>(),
            threads);
    starts.allowCoreThreadTimeOut(true);
  }

  @PreDestroy
  void close() {
    starts.shutdown();
  }

  /** Starts the claimed job's container soon, on another thread. */
  public void startSoon(long jobId) {
    starting.put(jobId, new CountDownLatch(1));
    work.carryOn();
    try {
      starts.execute(
          () -> {
            try {
              start(jobId);
            } finally {
              started(jobId);
            }
          });
    } catch (RejectedExecutionException e) {
      try {
        start(jobId);
      } finally {
        started(jobId);
      }
    }
  }

  /** True while the start of the job's container is under way on this server. */
  public boolean isStarting(long jobId) {
    return starting.containsKey(jobId);
  }

  /**
   * Waits, 30 seconds at most, until a start of the job under way on this server has ended, so that
   * an abort finds the container it is to stop.
   */
  public void awaitStart(long jobId) {
    CountDownLatch started = starting.get(jobId);
    try {
      if (started != null && !started.await(30, TimeUnit.SECONDS)) {
        LOG.log(Level.WARNING, "The start of job {0} takes more than 30 s", jobId);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void started(long jobId) {
    starting.remove(jobId).countDown();
    work.end();
  }

  private void start(long jobId) {
    Optional<JobLaunch> launch = transitions.launch(jobId);
    if (launch.isEmpty()) {
      watch.changed(jobId);
      return;
    }
    Optional<String> warmContainer = Optional.empty();
    String container;
    try {
      warmContainer = warm.start(launch.get(), JobContainers.argv(launch.get()));
      container = warmContainer.orElseGet(() -> containers.run(launch.get()));
    } catch (RuntimeException e) {
      if (e instanceof EngineUnavailableException || engineGoingAway(e)) {
        // Nothing ran: the job waits in its place until the engine answers again.
        LOG.log(Level.WARNING, "Job {0} waits again: {1}", jobId, e.getMessage());
        transitions.unclaim(jobId);
        watch.changed(jobId);
        return;
      }
      LOG.log(Level.WARNING, "Job {0} could not start: {1}", jobId, e.getMessage());
      completion.fail(jobId, "The job could not start: " + e.getMessage());
      return;
    }
    LOG.log(Level.INFO, "Job {0} started in container {1}", jobId, container);
    boolean stopAsked = transitions.started(jobId, container).isPresent();
    warmContainer.ifPresent(id -> warm.name(jobId, id));
    if (stopAsked) {
      completion.stop(jobId);
    }
  }

  // An engine's own error (not a refusal, a missing image or a name taken) from an engine that
  // stops answering right after: it was stopping (dockerd answers while it stops its containers).
  private boolean engineGoingAway(RuntimeException e) {
    return e instanceof DockerException
        && !(e instanceof NotFoundException
            || e instanceof ConflictException
            || e instanceof PolicyRefusedException)
        && containers.goesAway(ENGINE_STOPPING);
  }
}
