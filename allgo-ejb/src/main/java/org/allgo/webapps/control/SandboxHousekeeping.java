package org.allgo.webapps.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.allgo.connector.api.DockerException;
import org.allgo.mail.entity.Mail;
import org.allgo.mail.entity.MailTemplate;
import org.allgo.platform.control.ClusterTasks;
import org.allgo.webapps.entity.Webapp;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stops sandboxes left running longer than {@code allgo.sandbox.idle-time} since their last start
 * or commit, and tells their authors by mail; one server of the cluster looks each time. A sandbox
 * holds memory and a container name until then. It looks every quarter of the idle time, between
 * every {@link #SHORTEST_PERIOD} and every {@link #LONGEST_PERIOD}.
 */
@Singleton
// Bean-managed: no transaction a failed call could doom, which would end the timer (see
// Dispatcher).
@TransactionManagement(TransactionManagementType.BEAN)
public class SandboxHousekeeping {

  static final Duration SHORTEST_PERIOD = Duration.ofSeconds(5);
  static final Duration LONGEST_PERIOD = Duration.ofMinutes(10);

  static final String TASK = "idle-sandboxes";

  private static final System.Logger LOG = System.getLogger(SandboxHousekeeping.class.getName());

  @Inject WebappSettings settings;

  @Inject WebappStore webapps;

  @Inject WebappTransitions transitions;

  @Inject Sandboxes sandboxes;

  @Inject Event<Mail> mails;

  @Inject ClusterTasks cluster;

  @Inject
  @ConfigProperty(name = "allgo.base-url", defaultValue = "http://localhost:8080")
  String baseUrl;

  private Instant lastLook = Instant.EPOCH;

  // Non-persistent: a programmatic timer would need the timer service's own table, which the
  // database does not have. A tick is nothing until the period has passed.
  // A failed look is logged and the next one tries again: a timeout that fails twice is dropped.
  @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
  void tick() {
    Instant now = Instant.now();
    Duration period = period(settings.sandboxIdleTime());
    if (now.isBefore(lastLook.plus(period).minusMillis(500))) {
      return;
    }
    lastLook = now;
    try {
      // One look in the cluster per period, whichever server's comes first.
      if (!cluster.once(TASK, period.minusMillis(500))) {
        return;
      }
      stopIdleSandboxes(now);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Looking for idle sandboxes failed: {0}", e.toString());
    }
  }

  /** How often to look: a sandbox is stopped at most a quarter of its idle time late. */
  static Duration period(Duration idleTime) {
    Duration quarter = idleTime.dividedBy(4);
    return quarter.compareTo(SHORTEST_PERIOD) < 0
        ? SHORTEST_PERIOD
        : quarter.compareTo(LONGEST_PERIOD) > 0 ? LONGEST_PERIOD : quarter;
  }

  void stopIdleSandboxes(Instant now) {
    Duration idle = settings.sandboxIdleTime();
    for (Webapp webapp : webapps.sandboxesRunningSince(now.minus(idle))) {
      try {
        sandboxes.stop(webapp);
        transitions.sandboxStopped(webapp.id());
        mails.fire(
            new Mail(
                webapp.owner().email(),
                MailTemplate.SANDBOX_STOPPED,
                Map.of(
                    "name",
                    webapp.owner().name(),
                    "webapp",
                    webapp.dockerName(),
                    "idle",
                    inWords(idle),
                    "link",
                    baseUrl + "/webapps/manage?name=" + webapp.dockerName())));
        LOG.log(Level.INFO, "Stopped the idle sandbox of {0}", webapp.dockerName());
      } catch (DockerException e) {
        LOG.log(
            Level.WARNING,
            "Could not stop the idle sandbox of {0}: {1}",
            webapp.dockerName(),
            e.getMessage());
      }
    }
  }

  /** The idle time as a mail says it: {@code 24 hours}, {@code 90 minutes}, {@code 40 seconds}. */
  static String inWords(Duration duration) {
    if (duration.toSecondsPart() != 0 || duration.toNanosPart() != 0) {
      return plural(Math.max(1, duration.toSeconds()), "second");
    }
    if (duration.toMinutesPart() != 0) {
      return plural(duration.toMinutes(), "minute");
    }
    return plural(duration.toHours(), "hour");
  }

  private static String plural(long count, String unit) {
    return count + " " + unit + (count == 1 ? "" : "s");
  }
}
