package org.allgo.development.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import org.allgo.accounts.boundary.CallerScope;
import org.allgo.accounts.control.UserStore;
import org.allgo.accounts.entity.Caller;
import org.allgo.accounts.entity.User;
import org.allgo.connector.api.DockerException;
import org.allgo.platform.BusinessException;
import org.allgo.webapps.boundary.SandboxService;
import org.allgo.webapps.boundary.VersionService;
import org.allgo.webapps.boundary.WebappService;
import org.allgo.webapps.control.Sandboxes;
import org.allgo.webapps.control.WebappStore;
import org.allgo.webapps.entity.Visibility;
import org.allgo.webapps.entity.WebappDraft;

/**
 * Development data: the webapp {@code sleep} of devel@localhost, as on the original platform, so
 * that a job can run right after start-up. Its program sleeps the seconds it is given, prints to
 * stdout and writes a small output file. Built like any webapp: sandbox, program, commit.
 */
@Singleton
@Startup
// After the dispatcher's start, which ends the commits this server had under way before it
// stopped: this run's commit of the seeded version is not one of them.
@DependsOn({"DevelopmentData", "Dispatcher"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SleepWebapp {

  private static final System.Logger LOG = System.getLogger(SleepWebapp.class.getName());

  static final String OWNER = "devel@localhost";
  static final String NAME = "sleep";
  static final String PROGRAM = "/usr/local/bin/allgo-sleep";
  static final String SCRIPT =
      """
      #!/bin/sh
      # allgo's demonstration program: sleeps SECONDS, then writes sleep-output.txt.
      seconds=${1:-1}
      case "$seconds" in
        ''|*[!0-9]*) echo "usage: allgo-sleep SECONDS (a whole number)" >&2; exit 2 ;;
      esac
      echo "sleeping $seconds seconds"
      /bin/sleep "$seconds"
      echo "slept $seconds seconds" > sleep-output.txt
      echo "done"
      """;

  @EJB DevelopmentData development;

  @Inject WebappStore webapps;

  @Inject UserStore users;

  @Inject CallerScope callers;

  @Inject WebappService service;

  @Inject SandboxService sandboxService;

  @Inject VersionService versions;

  @Inject Sandboxes sandboxes;

  // A lifecycle callback takes its transaction attribute from the method: each step commits alone.
  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void seed() {
    if (!development.seeds() || webapps.findByDockerName(NAME).isPresent()) {
      return;
    }
    try {
      Caller owner =
          users
              .findByEmail(OWNER)
              .map(User::caller)
              .orElseThrow(() -> new IllegalStateException(OWNER + " does not exist"));
      // Made as its owner would make it, through the same services.
      callers.run(owner, this::make);
      LOG.log(Level.INFO, "Development webapp {0} created; version 1.0 is being committed", NAME);
    } catch (BusinessException | DockerException | IllegalStateException e) {
      LOG.log(Level.WARNING, "Development webapp {0} could not be made: {1}", NAME, e.getMessage());
    }
  }

  private void make() {
    service.create(
        new WebappDraft(
            "sleep",
            NAME,
            "Sleeps for the number of seconds given as parameter, then writes `sleep-output.txt`.",
            "Parameter: a whole number of seconds, such as `5`.",
            OWNER,
            Visibility.PUBLIC,
            null,
            64,
            PROGRAM,
            ""));
    sandboxService.start(NAME, "busybox", null);
    long exit =
        sandboxes.exec(
            webapps.getByDockerName(NAME),
            SCRIPT,
            "/bin/sh",
            "-c",
            "mkdir -p /usr/local/bin && cat > " + PROGRAM + " && chmod 755 " + PROGRAM);
    if (exit != 0) {
      throw new IllegalStateException("installing the program exited with " + exit);
    }
    versions.commit(NAME, "1.0", "The demonstration program");
  }
}
