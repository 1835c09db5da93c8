package org.allgo.dispatch.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import org.allgo.dispatch.control.BackgroundWork;

/**
 * Stops the jobs' background work first when the application stops: it depends on the singletons
 * that do that work, so the container destroys it before them, and before any other bean of the
 * module goes. From then on container events are refused (the dispatcher reconciles what they would
 * have finished at the next start) and no timer pass begins; the completions and starts under way
 * end before the services they call are gone, so that none is cut short half-way.
 */
@Singleton
@Startup
@DependsOn({"Dispatcher", "LiveLogs"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Shutdown {

  private static final System.Logger LOG = System.getLogger(Shutdown.class.getName());
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Inject BackgroundWork work;

  // A lifecycle callback takes its transaction attribute from the method.
  @PreDestroy
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void stopBackgroundWork() {
    int running = work.running();
    if (work.close(PATIENCE)) {
      LOG.log(
          Level.INFO,
          "Background work on jobs stopped, {0} piece(s) of it under way waited for",
          running);
    } else {
      LOG.log(
          Level.WARNING,
          "Background work on jobs still runs after {0} s: the next start finishes what it leaves",
          PATIENCE.toSeconds());
    }
  }
}
