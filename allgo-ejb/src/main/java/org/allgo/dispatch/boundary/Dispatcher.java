package org.allgo.dispatch.boundary;

import jakarta.annotation.PostConstruct;
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
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.allgo.connector.api.ContainerSummary;
import org.allgo.connector.api.DockerException;
import org.allgo.dispatch.control.BackgroundWork;
import org.allgo.dispatch.control.ClaimSql;
import org.allgo.dispatch.control.JobCompletion;
import org.allgo.dispatch.control.JobContainers;
import org.allgo.dispatch.control.JobStarts;
import org.allgo.dispatch.control.JobTransitions;
import org.allgo.dispatch.control.RunningJob;
import org.allgo.dispatch.control.ServerLeases;
import org.allgo.dispatch.control.WarmPool;
import org.allgo.dispatch.control.WarmSlots;
import org.allgo.jobs.control.JobSettings;
import org.allgo.jobs.entity.StopRequest;

/**
 * Starts waiting jobs in containers and watches the running ones. A pass claims jobs while their
 * queues and users have free slots, starts their containers, stops those asked to stop or past
 * their queue's timeout, and finishes those whose container ended without its event being heard.
 * Passes run on a non-persistent timer every two seconds, and claim-only passes at once when a job
 * is queued ({@link #wake}) or a container ended; one pass at a time, a wake-up during a pass
 * causes one more. Claims are made by the pass; the claimed jobs' containers start in parallel
 * ({@link JobStarts}), so that a slow start or a long pull holds no other job back.
 *
 * <p>At start-up it reconciles the RUNNING jobs it claimed with the engine: containers still
 * running are adopted, those that ended while the server was down are finished with their exit
 * code, vanished ones fail with a reason, jobs claimed whose program never started wait again, and
 * job containers without a running job are removed. A job whose start finds the engine away waits
 * again too.
 *
 * <p>Several servers may share the database and the engine: each renews its lease every tick
 * ({@link ServerLeases}), and each pass takes over the running jobs of servers whose lease ran out,
 * which it then settles as its own after a restart. Every server supervises every running job's
 * container (a job whose container ended is finished by whichever server sees it first, once).
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

  private final AtomicBoolean busy = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();
  private final AtomicBoolean supervisionDue = new AtomicBoolean();

  @Inject JobTransitions transitions;

  @Inject JobContainers containers;

  @Inject JobCompletion completion;

  @Inject JobSettings settings;

  @Inject JobStarts starts;

  @Inject BackgroundWork work;

  @Inject WarmPool warm;

  @Inject WarmSlots slots;

  @Inject ServerLeases leases;

  @Resource SessionContext context;

  @PostConstruct
  void reconcile() {
    try {
      leases.begin();
      warm.reset();
      List<Long> taken = leases.takeOver();
      Map<Long, ContainerSummary> found = containers.list();
      List<RunningJob> running = transitions.running();
      Settled settled = settle(running.stream().filter(this::mine).toList(), found);
      // The others' containers are theirs: only those of no running job are strays.
      running.forEach(job -> found.remove(job.jobId()));
      found.values().forEach(stray -> containers.remove(stray.id()));
      LOG.log(
          Level.INFO,
          "Jobs reconciled with the engine: {0} running adopted, {1} finished, {2} waiting again"
              + " (claimed, never started), {3} of them taken over from servers gone; {4} stray"
              + " containers removed",
          settled.adopted(),
          settled.finished(),
          settled.again(),
          taken.size(),
          found.size());
    } catch (DockerException | IllegalStateException e) {
      LOG.log(
          Level.WARNING, "Could not reconcile the running jobs at start-up: {0}", e.getMessage());
    }
  }

  /** How many of the jobs this server came to follow it adopted, finished, or let wait again. */
  private record Settled(int adopted, int finished, int again) {}

  /**
   * Jobs this server follows that no start of this run of it launched: claimed here before a
   * restart, or taken over from a server gone. A running container is adopted; a job whose program
   * never started waits again; the others are finished with what the engine says.
   */
  private Settled settle(List<RunningJob> jobs, Map<Long, ContainerSummary> found) {
    int adopted = 0;
    int finished = 0;
    int again = 0;
    for (RunningJob job : jobs) {
      ContainerSummary container = found.get(job.jobId());
      if (container != null && container.running() && !slots.neverHanded(job, container)) {
        adopted++;
      } else if (neverRan(job, container) || slots.neverHanded(job, container)) {
        if (container != null) {
          containers.remove(container.id());
          warm.released(container.labels());
        }
        transitions.unclaim(job.jobId());
        again++;
      } else {
        completion.complete(job.jobId());
        finished++;
      }
    }
    return new Settled(adopted, finished, again);
  }

  /**
   * A whole pass: supervision of the running jobs (a list of the engine's containers), then claims.
   */
  // Payara runs a @Schedule method in a transaction whatever its attribute (it reads the attributes
  // of business methods only): the pass runs as a business method, outside any.
  @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
  void tick() {
    try {
      leases.renew();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not renew the server''s lease: {0}", e.toString());
    }
    warm.shrink();
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
    List<Long> taken = leases.takeOver();
    var running = transitions.running();
    if (running.isEmpty()) {
      return;
    }
    Map<Long, ContainerSummary> found = containers.list();
    if (!taken.isEmpty()) {
      Settled settled =
          settle(running.stream().filter(job -> taken.contains(job.jobId())).toList(), found);
      LOG.log(
          Level.WARNING,
          "{0} jobs taken over from servers gone: {1} running adopted, {2} finished, {3} waiting"
              + " again",
          taken.size(),
          settled.adopted(),
          settled.finished(),
          settled.again());
      // The next pass supervises them with the rest, as this server's.
      return;
    }
    Instant now = Instant.now();
    for (RunningJob job : running) {
      if (starts.isStarting(job.jobId())) {
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
        starts.startSoon(claim.get().jobId());
      }
    }
  }

  /**
   * Waits, 30 seconds at most, until a start of the job under way on this server has ended, so that
   * an abort finds the container it is to stop.
   */
  public void awaitStart(long jobId) {
    starts.awaitStart(jobId);
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
