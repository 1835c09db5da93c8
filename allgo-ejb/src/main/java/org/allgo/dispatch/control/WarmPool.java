package org.allgo.dispatch.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.allgo.connector.api.ContainerSpec;
import org.allgo.connector.api.ImageRef;
import org.allgo.connector.api.Mount;
import org.allgo.jobs.control.JobSettings;
import org.allgo.webapps.entity.VersionReady;

/**
 * Warm starts: containers started ahead of their jobs, per {@link WarmKind}, each with the waiter
 * as its process (under the init) and the confinement of a job. A claimed job of a kind with a
 * ready container takes it: the container takes the job's name, the job's files move into its
 * folder, which becomes the job's directory, and the waiter runs the job's argv as its child,
 * reporting its exit ({@link WarmReports}); it serves that one job and is removed with it. A new
 * one is started in the background once that job ended, or {@link #REFILL_DELAY} after the take for
 * a job that runs longer: a short job is over before the engine would have made its replacement,
 * and the engine's work of making it does not compete with the jobs that just started. A kind keeps
 * as many as its recent demand asked for (one more at each miss, up to {@code
 * ALLGO_WARM_PER_KIND}), none once unused for {@code ALLGO_WARM_IDLE}; all kinds together stay
 * under the cap of containers and memory. Without a ready container, a job starts cold, as always.
 */
@ApplicationScoped
public class WarmPool {

  private static final System.Logger LOG = System.getLogger(WarmPool.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  @Inject WarmSettings settings;

  @Inject WarmSlots slots;

  @Inject WarmReports reports;

  @Inject WarmState state;

  @Inject JobContainers containers;

  @Inject JobSettings jobSettings;

  /** How long after its take a warm container of a job still running is replaced at the latest. */
  static final Duration REFILL_DELAY = Duration.ofSeconds(1);

  private ScheduledThreadPoolExecutor refills;

  @PostConstruct
  void open() {
    // Two at a time: the engine's creations queue up there anyway.
    refills = new ScheduledThreadPoolExecutor(2, threads);
    refills.setKeepAliveTime(1, TimeUnit.MINUTES);
    refills.allowCoreThreadTimeOut(true);
  }

  @PreDestroy
  void close() {
    refills.shutdownNow();
  }

  /**
   * Starts the job in a warm container of its kind if one is ready: the container's id, or empty
   * when the job is to start cold (none ready, the pool off, or a hand-over that failed before the
   * program got its argv — the job's files are then in its directory, as before).
   */
  public Optional<String> start(JobLaunch launch, List<String> argv) {
    if (!settings.enabled()) {
      return Optional.empty();
    }
    WarmKind kind = WarmKind.of(launch);
    Optional<WarmSlot> taken = state.take(kind, Instant.now(), settings.perKind());
    if (taken.isEmpty()) {
      // A miss: the kind wants one more, made now; this job starts cold.
      refillSoon(kind);
      return Optional.empty();
    }
    refillLater(kind);
    WarmSlot slot = taken.get();
    try {
      slots.assign(slot.name(), launch.jobId());
      slots.moveIn(slot.name(), jobSettings.directory(launch.jobId()));
      slots.handOver(slot.name(), argv);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Job {0} starts cold: its warm start failed: {1}",
          launch.jobId(),
          e.getMessage());
      discard(slot);
      return Optional.empty();
    }
    LOG.log(Level.DEBUG, "Job {0} started warm in slot {1}", launch.jobId(), slot.name());
    return Optional.of(slot.containerId());
  }

  /**
   * Gives the warm container its job's name, once the job's start is recorded: off the job's path
   * to its program (an engine call), for whoever reads the engine's list; the server itself finds
   * the job's container by its slot ({@link WarmSlots#assign}) until then.
   */
  public void name(long jobId, String containerId) {
    try {
      containers.rename(containerId, jobSettings.containerName(jobId));
    } catch (RuntimeException e) {
      LOG.log(Level.DEBUG, "Job {0} keeps its warm container''s name: {1}", jobId, e.getMessage());
    }
  }

  /** Fills the kind's place in the pool, in the background (a version became runnable, say). */
  public void refillSoon(WarmKind kind) {
    if (!settings.enabled()) {
      return;
    }
    try {
      refills.execute(() -> refill(kind));
    } catch (RejectedExecutionException e) {
      // The application stops.
    }
  }

  // Fills the kind's place in the pool after the refill delay, if the job's end has not done it.
  private void refillLater(WarmKind kind) {
    try {
      refills.schedule(() -> refill(kind), REFILL_DELAY.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // The application stops.
    }
  }

  /**
   * A version became READY: a warm container for its jobs of the webapp's queue, in the background.
   */
  void onVersionReady(@Observes(during = TransactionPhase.AFTER_SUCCESS) VersionReady ready) {
    if (settings.enabled()) {
      WarmKind kind =
          new WarmKind(
              ready.image(),
              ready.memoryMb(),
              ready.cpuMillis(),
              ready.networkAllowed(),
              ready.webapp());
      state.want(kind, Instant.now());
      refillSoon(kind);
    }
  }

  /**
   * The container of a job was removed: if it was warm, its slot's folders go too, and its kind's
   * place in the pool is filled.
   */
  public void released(Map<String, String> labels) {
    String slot = labels.get(JobContainers.WARM_LABEL);
    if (slot != null) {
      Optional<WarmKind> kind = state.released(slot);
      reports.unwatch(slot);
      slots.delete(slot);
      kind.ifPresent(this::refillSoon);
    }
  }

  /** A warm container stopped before its job came (the engine restarted, say): it goes. */
  public void died(String containerId) {
    state.remove(containerId).ifPresent(this::discard);
  }

  /** Empties the kinds unused for the idle time; called by the dispatcher's timer. */
  public void shrink() {
    state.idle(Instant.now().minus(settings.idle())).forEach(this::discardSoon);
  }

  /** Empties the whole pool (the pool's cap lowered, the application stopping). */
  public void drain() {
    state.drain().forEach(this::discardSoon);
  }

  /** The pool now, for superusers. */
  public List<WarmState.KindView> view() {
    return state.view();
  }

  /**
   * At start-up: removes the warm containers never handed over (left by an earlier run) and the
   * folders of slots that have no container any more.
   */
  public void reset() {
    String prefix = jobSettings.environment() + "-warm-";
    Set<String> kept = new HashSet<>();
    try {
      for (var c : containers.listAll()) {
        String slot = c.labels().get(JobContainers.WARM_LABEL);
        if (slot != null && c.name().replaceFirst("^/", "").startsWith(prefix)) {
          containers.remove(c.id());
        } else if (slot != null) {
          kept.add(slot);
        }
      }
      slots.names().stream().filter(name -> !kept.contains(name)).forEach(slots::delete);
    } catch (RuntimeException e) {
      // The pool starts empty all the same; what is left goes at the next start.
      LOG.log(Level.WARNING, "Could not clear the warm pool of a former run: {0}", e.toString());
    }
  }

  private void refill(WarmKind kind) {
    while (state.reserve(kind, settings.maxContainers(), settings.maxMemoryMb())) {
      WarmSlot slot;
      try {
        slot = make(kind);
      } catch (RuntimeException e) {
        state.unreserve(kind);
        LOG.log(Level.WARNING, "Could not start a warm container for {0}: {1}", kind, e.toString());
        return;
      }
      state.ready(slot);
    }
  }

  private WarmSlot make(WarmKind kind) {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    String slot = HexFormat.of().formatHex(bytes);
    slots.create(slot);
    reports.watch(slot);
    String name = jobSettings.environment() + "-warm-" + slot;
    ImageRef image = ImageRef.parse(kind.image());
    ContainerSpec spec =
        containers
            .confined(
                name,
                image,
                List.of(
                    WarmSettings.CONTROL_DIR + "/waiter",
                    WarmSettings.CONTROL_DIR,
                    WarmSettings.REPORT_SOCKET),
                slots.work(slot).toString(),
                kind.memoryMb(),
                kind.cpuMillis(),
                kind.networkAllowed())
            .withMount(Mount.readOnly(slots.control(slot).toString(), WarmSettings.CONTROL_DIR))
            .withLabel(JobContainers.WARM_LABEL, slot)
            .withLabel("allgo.webapp", kind.webapp());
    try {
      return new WarmSlot(slot, containers.create(spec, name, image), kind, Instant.now());
    } catch (RuntimeException e) {
      reports.unwatch(slot);
      slots.delete(slot);
      throw e;
    }
  }

  private void discardSoon(WarmSlot slot) {
    try {
      refills.execute(() -> discard(slot));
    } catch (RejectedExecutionException e) {
      discard(slot);
    }
  }

  private void discard(WarmSlot slot) {
    state.released(slot.name());
    reports.unwatch(slot.name());
    try {
      containers.remove(slot.containerId());
      slots.delete(slot.name());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not remove warm slot {0}: {1}", slot.name(), e.toString());
    }
  }
}
