package org.allgo.dispatch.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.allgo.connector.api.DockerException;
import org.allgo.datastore.control.JobFiles;
import org.allgo.dispatch.control.BackgroundWork;
import org.allgo.dispatch.control.JobCompletion;
import org.allgo.dispatch.control.JobTransitions;
import org.allgo.dispatch.control.LiveLogCopier;
import org.allgo.jobs.control.JobSettings;
import org.allgo.jobs.entity.StopRequest;

/**
 * Watches the jobs this server started while they run, every second: copies their new output into
 * their live logs, so that clients follow a job as it runs (the job's completion then writes the
 * final {@code allgo.log}: the same output and its footer), and stops a job at once — ERROR, with
 * the reason in its log — when it printed more than a job may, or when its directory holds more
 * than a job may leave. One pass at a time on the timer's thread, apart from the dispatcher's: each
 * running job costs a read of what its log grew by ({@value #PASS_BUDGET} bytes at most a pass) and
 * a walk of its directory. Its first pass waits for the schema (a timer may fire while the
 * application starts).
 */
@Singleton
@DependsOn("SchemaMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// Bean-managed: no transaction a failed call could doom, which would end the timer (see
// Dispatcher).
@TransactionManagement(TransactionManagementType.BEAN)
public class LiveLogs {

  private static final System.Logger LOG = System.getLogger(LiveLogs.class.getName());
  static final long PASS_BUDGET = 8L << 20;

  private final AtomicBoolean busy = new AtomicBoolean();

  @Inject JobTransitions transitions;

  @Inject JobFiles files;

  @Inject JobSettings settings;

  @Inject LiveLogCopier copier;

  @Inject JobCompletion completion;

  @Inject BackgroundWork work;

  @Resource SessionContext context;

  // Payara runs a @Schedule method in a transaction whatever its attribute (it reads the attributes
  // of business methods only): the pass runs as a business method, outside any.
  @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
  void tick() {
    context.getBusinessObject(LiveLogs.class).watchRunning();
  }

  /** One pass over the running jobs this server started; the timer's. */
  public void watchRunning() {
    if (!busy.compareAndSet(false, true)) {
      return;
    }
    if (!work.begin()) {
      busy.set(false);
      return;
    }
    try {
      Map<Long, String> running = transitions.runningContainers(settings.node());
      copier.keepOnly(running.keySet());
      running.forEach(this::watch);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Watching the running jobs failed: {0}", e.toString());
    } finally {
      work.end();
      busy.set(false);
    }
  }

  private void watch(long jobId, String container) {
    try {
      Optional<LiveLogCopier.Copied> copied = copier.copy(jobId, container, PASS_BUDGET);
      if (copied.isPresent() && copied.get().overLimit()) {
        stop(jobId, StopRequest.LOG_LIMIT);
      } else if (files.size(jobId) > settings.maxOutputBytes()) {
        stop(jobId, StopRequest.OUTPUT_LIMIT);
      }
    } catch (DockerException | UncheckedIOException e) {
      LOG.log(Level.DEBUG, "Job {0} could not be watched now: {1}", jobId, e.toString());
    }
  }

  private void stop(long jobId, StopRequest why) {
    if (transitions.requestStop(jobId, why)) {
      LOG.log(Level.INFO, "Job {0} is stopped: {1}", jobId, why);
      completion.stop(jobId);
    }
  }
}
