package org.allgo.dispatch.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.allgo.connector.api.ContainerSpec;
import org.allgo.connector.api.ExitStatus;
import org.allgo.connector.api.ImageRef;
import org.allgo.connector.api.LogEntry;
import org.allgo.datastore.control.TestJobFiles;
import org.allgo.platform.control.FileTrees;
import org.allgo.queues.entity.JobQueue;
import org.allgo.webapps.control.VersionTests;
import org.allgo.webapps.control.WebappSettings;
import org.allgo.webapps.entity.Webapp;
import org.allgo.webapps.entity.WebappVersion;

/**
 * Runs a webapp's test job in a committed image exactly as a job runs (the same argv, confinement
 * and limits), in a fresh copy of its test files, and says why it failed if it did.
 */
@Dependent
public class TestJobs implements VersionTests {

  private static final System.Logger LOG = System.getLogger(TestJobs.class.getName());

  static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);
  static final int TAIL_LINES = 5;

  @Inject JobContainers containers;

  @Inject TestJobFiles files;

  @Inject WebappSettings settings;

  @Override
  public Optional<String> problem(WebappVersion version, ImageRef image) {
    Webapp webapp = version.webapp();
    if (webapp.testParam().isEmpty()) {
      return Optional.empty();
    }
    JobQueue queue = webapp.defaultQueue();
    int cpuMillis = queue == null ? 1000 : queue.cpuMillis();
    Duration timeout =
        queue == null ? MAX_TIMEOUT : min(Duration.ofSeconds(queue.timeoutSeconds()), MAX_TIMEOUT);
    String name = settings.testContainer(version.id());
    Path dir = files.prepareRun(version.id(), webapp.dockerName(), webapp.testFiles());
    JobLaunch launch =
        new JobLaunch(
            0,
            image.toString(),
            webapp.entrypoint(),
            webapp.testParam().get(),
            webapp.memoryMb(),
            cpuMillis,
            webapp.networkAllowed(),
            webapp.dockerName());
    ContainerSpec spec =
        containers
            .confined(
                name,
                image,
                JobContainers.argv(launch),
                dir.toString(),
                webapp.memoryMb(),
                cpuMillis,
                webapp.networkAllowed())
            .withLabel(JobContainers.ROLE_LABEL, "check")
            .withLabel("allgo.webapp", webapp.dockerName());
    try {
      String id = containers.create(spec, name, image);
      try {
        ExitStatus exit = containers.waitFor(id, timeout);
        return exit.succeeded()
            ? Optional.empty()
            : Optional.of(reason(exit, timeout, containers.tail(id, TAIL_LINES)));
      } finally {
        containers.remove(id);
      }
    } finally {
      try {
        FileTrees.delete(dir);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Cannot remove the test directory {0}: {1}", dir, e.getMessage());
      }
    }
  }

  /** What the author reads on the manage page when the test job failed. */
  static String reason(ExitStatus exit, Duration timeout, List<LogEntry> tail) {
    String said =
        tail.stream()
            .map(entry -> entry.chunk().text().strip())
            .filter(line -> !line.isEmpty())
            .collect(Collectors.joining("\n"));
    String how =
        exit.timedOut()
            ? "The test job did not end within " + timeout.toSeconds() + " s"
            : exit.oomKilled()
                ? "The test job ran out of memory"
                : exit.failure()
                    .map(f -> "The test job could not run: " + f)
                    .orElse("The test job ended with exit code " + exit.exitCode());
    return said.isEmpty() ? how + "." : how + ": " + said;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
