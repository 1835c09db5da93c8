package org.allgo.dispatch.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import org.allgo.connector.api.DockerException;
import org.allgo.dispatch.control.BackgroundWork;
import org.allgo.dispatch.control.JobCompletion;
import org.allgo.dispatch.control.WarmExitReported;
import org.allgo.dispatch.control.WarmSlots;

/**
 * Finishes a warm job as soon as its waiter reported the program's exit, when the engine's log of
 * it is whole; then the dispatcher fills the freed slot. Otherwise the engine's event does it
 * ({@link ContainerExits}), as for every job.
 */
@ApplicationScoped
public class WarmExits {

  private static final System.Logger LOG = System.getLogger(WarmExits.class.getName());

  @Inject BackgroundWork work;

  @Inject WarmSlots slots;

  @Inject JobCompletion completion;

  @EJB Dispatcher dispatcher;

  void onReported(@Observes WarmExitReported report) {
    if (!work.begin()) {
      return;
    }
    try {
      slots
          .jobOf(report.slot())
          .ifPresent(
              jobId -> {
                if (completion.completeReported(jobId, report)) {
                  dispatcher.wake();
                }
              });
    } catch (DockerException | IllegalStateException e) {
      LOG.log(Level.DEBUG, "The reported end of {0} is left to the engine: {1}", report, e);
    } finally {
      work.end();
    }
  }
}
