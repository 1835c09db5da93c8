package org.allgo.dispatch.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import org.allgo.connector.api.ContainerEvent;
import org.allgo.connector.api.ContainerEventListener;
import org.allgo.connector.api.DockerException;
import org.allgo.dispatch.control.BackgroundWork;
import org.allgo.dispatch.control.JobCompletion;
import org.allgo.dispatch.control.JobContainers;
import org.allgo.dispatch.control.WarmPool;
import org.allgo.jobs.control.JobSettings;

/**
 * Hears job containers die, through the connector's inbound side, and finishes their jobs at once;
 * then the dispatcher fills the freed slot. Events of other environments sharing the engine are
 * ignored here, since the subscription cannot name the environment (a setting). Once the
 * application stops, events are refused: the dispatcher finishes those jobs at its next start.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "resourceAdapter",
          propertyValue = "allgo#allgo-connector-rar"),
      @ActivationConfigProperty(
          propertyName = "labelFilter",
          propertyValue = JobContainers.ROLE_LABEL + "=" + JobContainers.ROLE),
      @ActivationConfigProperty(propertyName = "actions", propertyValue = "die")
    })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ContainerExits implements ContainerEventListener {

  private static final System.Logger LOG = System.getLogger(ContainerExits.class.getName());

  @Inject JobSettings settings;

  @Inject JobCompletion completion;

  @EJB Dispatcher dispatcher;

  @Inject BackgroundWork work;

  @Inject JobContainers containers;

  @Inject WarmPool warm;

  @Override
  public void onEvent(ContainerEvent event) {
    if (!settings.environment().equals(event.labels().get("allgo.env"))) {
      return;
    }
    if (!work.begin()) {
      LOG.log(Level.DEBUG, "The application stops: {0} is left for its next start", event);
      return;
    }
    try {
      finish(event);
    } finally {
      work.end();
    }
  }

  private void finish(ContainerEvent event) {
    if (event.labels().containsKey(JobContainers.WARM_LABEL)) {
      warm.died(event.containerId());
    }
    containers
        .jobOf(event.labels())
        .ifPresent(
            jobId -> {
              try {
                completion.complete(jobId);
              } catch (DockerException | IllegalStateException e) {
                LOG.log(
                    Level.WARNING,
                    "Job {0} ended, but could not be finished now: {1}",
                    jobId,
                    e.getMessage());
              }
              dispatcher.wake();
            });
  }
}
