package org.allgo.jobs.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.allgo.connector.api.ConflictException;
import org.allgo.connector.api.ContainerSummary;
import org.allgo.connector.api.DockerException;
import org.allgo.connector.api.EngineUnavailableException;
import org.allgo.connector.api.NotFoundException;
import org.allgo.connector.api.PolicyRefusedException;
import org.allgo.jobs.control.BackgroundWork;
import org.allgo.jobs.control.ClaimSql;
import org.allgo.jobs.control.JobCompletion;
import org.allgo.jobs.control.JobContainers;
import org.allgo.jobs.control.JobLaunch;
import org.allgo.jobs.control.JobSettings;
import org.allgo.jobs.control.JobTransitions;
import org.allgo.jobs.control.JobWatch;
import org.allgo.jobs.control.RunningJob;
import org.allgo.jobs.entity.StopRequest;

/**
 * Starts waiting jobs in containers and watches the running ones. A pass claims jobs while their
 * queues and users have free slots, starts their containers, stops those asked to stop or past
 * their queue's timeout, and finishes those whose container ended without its event being heard.
 * Passes run on a non-persistent timer every two seconds, and claim-only passes at once when a job
 * is queued ({@link #wake}) or a container ended; one pass at a time, a wake-up during a pass
 * causes one more. Claims are made by the pass; the claimed jobs' containers start in parallel,
 * {@value #PARALLEL_STARTS} at a time, on threads of the application server's managed thread
 * factory (a managed executor would capture the application's context again for every job), so that
 * a slow start or a long pull holds no other job back.
 *
 * <p>At start-up it reconciles the RUNNING jobs with the engine: containers still running are
 * adopted, those that ended while the server was down are finished with their exit code, vanished
 * ones fail with a reason, jobs claimed whose program never started wait again, and job containers
 * without a running job are removed. A job whose start finds the engine away waits again too.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// Bean-managed: no transaction around the timer's tick, which a failed call (the database away)
// would mark for rollback; the timer service then retries the tick once and drops the timer for
// good. Every state change has a transaction of its own (JobTransitions).
@TransactionManagement(TransactionManagementType.BEAN)
public class Dispatcher {

  private static final System.Logger LOG = System.getLogger(Dispatcher.class.getName());
  // A job claimed by another server may still be pulling its image.
  private static final long FOREIGN_START_GRACE_SECONDS = 600;

  // Container creation and start are the engine's work; more at once only queue up there.
  static final int PARALLEL_STARTS = 4;

  // How long a stopping engine may still answer after failing a start.
  private static final Duration ENGINE_STOPPING = Duration.ofSeconds(10);

  private final AtomicBoolean busy = new AtomicBoolean();
  // Claimed by this server, their containers not started yet: supervision leaves them alone.
  private final Map<Long, CountDownLatch> starting = new ConcurrentHashMap<>();

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  private ThreadPoolExecutor starts;
  private final AtomicBoolean again = new AtomicBoolean();
  private final AtomicBoolean supervisionDue = new AtomicBoolean();

  @Inject JobTransitions transitions;

  @Inject JobContainers containers;

  @Inject JobCompletion completion;

  @Inject JobSettings settings;

  @Inject JobWatch watch;

  @Inject BackgroundWork work;

  @Resource SessionContext context;

  @PostConstruct
  void reconcile() {
    starts =
        new ThreadPoolExecutor(
            PARALLEL_STARTS,
            PARALLEL_STARTS,
            1,
            TimeUnit.MINUTES,
            new LinkedBlockingQueue<>(),
            threads);
    starts.allowCoreThreadTimeOut(true);
    try {
      Map<Long, ContainerSummary> found = containers.list();
      int adopted = 0;
      int finished = 0;
      int again = 0;
      for (RunningJob job : transitions.running()) {
        ContainerSummary container = found.remove(job.jobId());
        if (container != null && container.running()) {
          adopted++;
        } else if (mine(job) && neverRan(job, container)) {
          if (container != null) {
            containers.remove(container.id());
          }
          transitions.unclaim(job.jobId());
          again++;
        } else if (container != null || mine(job)) {
          completion.complete(job.jobId());
          finished++;
        }
      }
      found.values().forEach(stray -> containers.remove(stray.id()));
      LOG.log(
          Level.INFO,
          "Jobs reconciled with the engine: {0} running adopted, {1} finished, {2} waiting again"
              + " (claimed, never started), {3} stray containers removed",
          adopted,
          finished,
          again,
          found.size());
    } catch (DockerException | IllegalStateException e) {
      LOG.log(
          Level.WARNING, "Could not reconcile the running jobs at start-up: {0}", e.getMessage());
    }
  }

  @PreDestroy
  void stopStarting() {
    starts.shutdown();
  }

  /**
   * A whole pass: supervision of the running jobs (a list of the engine's containers), then claims.
   */
  // Payara runs a @Schedule method in a transaction whatever its attribute (it reads the attributes
  // of business methods only): the pass runs as a business method, outside any.
  @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
  void tick() {
    supervisionDue.set(true);
    context.getBusinessObject(Dispatcher.class).wake();
  }

  /**
   * Claims and starts what can start, soon, on another thread: a job was queued or a slot freed.
   * Supervision waits for the next tick, so that a submission does not wait for the engine's list.
   */
  @Asynchronous
  public void wake() {
    run();
  }

  private void run() {
    if (!work.begin()) {
      return;
    }
    try {
      pass();
    } finally {
      work.end();
    }
  }

  private void pass() {
    again.set(true);
    while (again.get() && busy.compareAndSet(false, true)) {
      try {
        again.set(false);
        if (supervisionDue.getAndSet(false)) {
          supervise();
        }
        dispatch();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "A dispatcher pass failed", e);
      } finally {
        busy.set(false);
      }
    }
  }

  private void supervise() {
    var running = transitions.running();
    if (running.isEmpty()) {
      return;
    }
    Map<Long, ContainerSummary> found = containers.list();
    Instant now = Instant.now();
    for (RunningJob job : running) {
      if (starting.containsKey(job.jobId())) {
        continue;
      }
      ContainerSummary container = found.get(job.jobId());
      if (job.stopRequest() != null || job.overdue(now)) {
        if (job.stopRequest() == null) {
          transitions.requestStop(job.jobId(), StopRequest.TIMEOUT);
        }
        completion.stop(job.jobId());
      } else if (container != null
          && !container.running()
          && !"created".equals(container.state())) {
        completion.complete(job.jobId());
      } else if (container == null
          && (job.containerId() != null || mine(job) || foreignAndOld(job, now))) {
        completion.complete(job.jobId());
      }
    }
  }

  private void dispatch() {
    for (long queue : transitions.waitingQueues()) {
      Optional<ClaimSql.Claim> claim;
      while ((claim = transitions.claim(queue)).isPresent()) {
        startSoon(claim.get().jobId());
      }
    }
  }

  // A claimed job is started even if the application begins to stop meanwhile.
  private void startSoon(long jobId) {
    starting.put(jobId, new CountDownLatch(1));
    work.carryOn();
    try {
      starts.execute(
          () -> {
            try {
              start(jobId);
            } finally {
              starting.remove(jobId).countDown();
              work.end();
            }
          });
    } catch (RejectedExecutionException e) {
      try {
        start(jobId);
      } finally {
        starting.remove(jobId).countDown();
        work.end();
      }
    }
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

  private void start(long jobId) {
    Optional<JobLaunch> launch = transitions.launch(jobId);
    if (launch.isEmpty()) {
      watch.changed(jobId);
      return;
    }
    String container;
    try {
      container = containers.run(launch.get());
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
    LOG.log(Level.INFO, "Job {0} started in {1}", jobId, settings.containerName(jobId));
    if (transitions.started(jobId, container).isPresent()) {
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

  // Claimed here before a restart, its start never recorded, and no container that ran: the server
  // stopped between the claim and the container's start.
  private static boolean neverRan(RunningJob job, ContainerSummary container) {
    return job.containerId() == null && (container == null || "created".equals(container.state()));
  }

  // Claimed by this server; supervision skips the jobs whose start is under way, and complete()
  // looks at the engine again before failing one.
  private boolean mine(RunningJob job) {
    return settings.node().equals(job.claimedBy());
  }

  private static boolean foreignAndOld(RunningJob job, Instant now) {
    return job.startedAt() != null
        && job.startedAt().plusSeconds(FOREIGN_START_GRACE_SECONDS).isBefore(now);
  }
}
