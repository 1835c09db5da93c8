package org.allgo.webapps.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Map;
import org.allgo.connector.api.DockerException;
import org.allgo.mail.entity.Mail;
import org.allgo.mail.entity.MailTemplate;
import org.allgo.webapps.entity.SandboxState;
import org.allgo.webapps.entity.Webapp;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stops sandboxes left running longer than {@code allgo.sandbox.idle-hours} since their last start
 * or commit, and tells their authors by mail. A sandbox holds memory and a container name until then.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SandboxHousekeeping {

  private static final System.Logger LOG = System.getLogger(SandboxHousekeeping.class.getName());

  @Inject
  WebappSettings settings;

  @Inject
  WebappStore webapps;

  @Inject
  WebappTransitions transitions;

  @Inject
  Sandboxes sandboxes;

  @Inject
  Event<Mail> mails;

  @Inject
  @ConfigProperty(name = "allgo.base-url", defaultValue = "http://localhost:8080")
  String baseUrl;

  // Work that is lost at a restart is done at the next tick: no persistent timer needed.
  @Schedule(minute = "*/10", hour = "*", persistent = false)
  void stopIdleSandboxes() {
    Instant before = Instant.now().minus(settings.sandboxIdleTime());
    for (Webapp webapp : webapps.sandboxesRunningSince(before)) {
      try {
        sandboxes.stop(webapp);
        transitions.sandboxStopped(webapp.id());
        mails.fire(new Mail(webapp.owner().email(), MailTemplate.SANDBOX_STOPPED, Map.of(
            "name", webapp.owner().name(), "webapp", webapp.dockerName(),
            "hours", Long.toString(settings.sandboxIdleTime().toHours()),
            "link", baseUrl + "/webapps/" + webapp.dockerName())));
        LOG.log(Level.INFO, "Stopped the idle sandbox of {0}", webapp.dockerName());
      } catch (DockerException e) {
        LOG.log(Level.WARNING, "Could not stop the idle sandbox of {0}: {1}", webapp.dockerName(), e.getMessage());
      }
    }
  }
}
