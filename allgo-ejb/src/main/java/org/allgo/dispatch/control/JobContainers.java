package org.allgo.dispatch.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.allgo.connector.api.ConflictException;
import org.allgo.connector.api.ContainerInfo;
import org.allgo.connector.api.ContainerSpec;
import org.allgo.connector.api.ContainerSummary;
import org.allgo.connector.api.DockerConnection;
import org.allgo.connector.api.DockerConnectionFactory;
import org.allgo.connector.api.EngineUnavailableException;
import org.allgo.connector.api.ExitStatus;
import org.allgo.connector.api.ImageRef;
import org.allgo.connector.api.Limits;
import org.allgo.connector.api.LogEntry;
import org.allgo.connector.api.LogSink;
import org.allgo.connector.api.Mount;
import org.allgo.connector.api.NotFoundException;
import org.allgo.connector.api.Storage;
import org.allgo.jobs.control.JobSettings;
import org.allgo.jobs.entity.Parameters;
import org.allgo.platform.Resources;
import org.allgo.platform.control.LoopbackHosts;

/**
 * Job containers on the Docker engine, through the connector: named {@code <env>-job-<id>},
 * labelled {@code allgo.role=job} and {@code allgo.job=<id>}, confined as the platform requires:
 * read-only but for the job's directory and a small {@code /tmp}, their log capped by the engine.
 * Never called inside a database transaction.
 */
@Dependent
public class JobContainers {

  public static final String ROLE_LABEL = "allgo.role";
  public static final String ROLE = "job";
  public static final String JOB_LABEL = "allgo.job";

  /** On warm containers: the name of their slot (folder) in the pool. */
  public static final String WARM_LABEL = "allgo.warm";

  @Resource(lookup = Resources.DOCKER)
  DockerConnectionFactory docker;

  @Inject JobSettings settings;

  @Inject WarmSlots slots;

  @Inject LoopbackHosts hosts;

  /** The container a job runs in, started straight away ({@link #create}). */
  public String run(JobLaunch launch) {
    List<String> argv = argv(launch);
    String name = settings.containerName(launch.jobId());
    ImageRef image = ImageRef.parse(launch.image());
    ContainerSpec spec =
        confined(
                name,
                image,
                argv,
                settings.directory(launch.jobId()).toString(),
                launch.memoryMb(),
                launch.cpuMillis(),
                launch.networkAllowed())
            .withLabel(JOB_LABEL, Long.toString(launch.jobId()))
            .withLabel("allgo.webapp", launch.webapp());
    return create(spec, name, image);
  }

  /** The program's argument vector: the entrypoint, then the parameters split as a shell would. */
  public static List<String> argv(JobLaunch launch) {
    List<String> argv = new ArrayList<>();
    argv.add(launch.entrypoint());
    argv.addAll(Parameters.of(launch.param()).argv());
    return argv;
  }

  /**
   * A job's container as the platform confines it, its working directory {@code directory}: user
   * 65534, no capability, the webapp's memory and the queue's CPU, no network unless allowed, a
   * read-only root with a {@code /tmp} of its own, its log capped; without network, the loopback's
   * hosts file.
   */
  public ContainerSpec confined(
      String name,
      ImageRef image,
      List<String> argv,
      String directory,
      int memoryMb,
      int cpuMillis,
      boolean networkAllowed) {
    ContainerSpec spec =
        ContainerSpec.of(name, image, argv)
            .withMount(Mount.readWrite(directory, JobSettings.WORK_DIR))
            .withWorkingDir(JobSettings.WORK_DIR)
            .withEnv("HOME", JobSettings.WORK_DIR)
            .withUser(JobSettings.JOB_USER)
            .withLimits(Limits.of((long) memoryMb << 20, cpuMillis / 1000.0, settings.pidsLimit()))
            .withNetwork(networkAllowed ? "bridge" : ContainerSpec.NO_NETWORK)
            // The program writes its directory and /tmp only; the engine keeps twice what the job
            // may print, so that the live log loses nothing between two copies.
            .withStorage(
                Storage.DEFAULT
                    .withReadOnlyRoot(true)
                    .withTmpfs("/tmp", settings.tmpBytes(memoryMb))
                    .withLogBytes(2 * settings.maxLogBytes()))
            .withLabel(ROLE_LABEL, ROLE);
    return hosts.mountedIn(spec);
  }

  /**
   * Creates and starts the container; one of the same name left by a crash is replaced, and an
   * image the engine lacks is pulled, only when the engine says so — two lookups fewer per job.
   */
  public String create(ContainerSpec spec, String name, ImageRef image) {
    try (DockerConnection connection = docker.getConnection()) {
      for (int attempt = 1; ; attempt++) {
        try {
          return connection.run(spec);
        } catch (ConflictException | NotFoundException e) {
          if (attempt == 3) {
            throw e;
          }
          if (e instanceof ConflictException) {
            connection.find(name).ifPresent(stale -> connection.remove(stale.id()));
          } else {
            connection.pull(image);
          }
        }
      }
    }
  }

  /**
   * Whether the engine stops answering within {@code within}, asked every half second: a start that
   * failed with an engine's error just before was the engine going away (a restart), not the job's
   * fault.
   */
  public boolean goesAway(Duration within) {
    Instant deadline = Instant.now().plus(within);
    while (true) {
      try (DockerConnection connection = docker.getConnection()) {
        connection.ping();
      } catch (EngineUnavailableException e) {
        return true;
      }
      if (Instant.now().isAfter(deadline)) {
        return false;
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  /** The environment's job containers, by job id. */
  public Map<Long, ContainerSummary> list() {
    Map<Long, ContainerSummary> byJob = new HashMap<>();
    for (ContainerSummary container : listAll()) {
      jobOf(container.labels()).ifPresent(id -> byJob.put(id, container));
    }
    return byJob;
  }

  /** The environment's job containers, warm ones included. */
  public List<ContainerSummary> listAll() {
    try (DockerConnection connection = docker.getConnection()) {
      return connection.list(Map.of(ROLE_LABEL, ROLE));
    }
  }

  /**
   * The job's container: by the job's name, else the warm container its slot gave the job (not
   * renamed yet, or never: the server stopped right after its hand-over).
   */
  public Optional<ContainerInfo> find(long jobId) {
    try (DockerConnection connection = docker.getConnection()) {
      Optional<ContainerInfo> named = connection.find(settings.containerName(jobId));
      if (named.isPresent()) {
        return named;
      }
      return Optional.ofNullable(list().get(jobId)).flatMap(warm -> connection.find(warm.id()));
    }
  }

  /** Reads the container's log from {@code since} (from its start when null) into {@code sink}. */
  public void readLogs(String container, Instant since, LogSink sink) {
    try (DockerConnection connection = docker.getConnection()) {
      connection.readLogs(container, since, sink);
    }
  }

  /** Gives the container another name of the environment's. */
  public void rename(String container, String newName) {
    try (DockerConnection connection = docker.getConnection()) {
      connection.rename(container, newName);
    }
  }

  /** Waits for the container's end, killing it after {@code timeout}. */
  public ExitStatus waitFor(String container, Duration timeout) {
    try (DockerConnection connection = docker.getConnection()) {
      return connection.waitFor(container, timeout);
    }
  }

  /** The last {@code count} lines the container printed. */
  public List<LogEntry> tail(String container, int count) {
    try (DockerConnection connection = docker.getConnection()) {
      return connection.tail(container, count);
    }
  }

  public void kill(String container) {
    try (DockerConnection connection = docker.getConnection()) {
      connection.kill(container);
    } catch (NotFoundException e) {
      // Gone already.
    }
  }

  /** Removes the container; one gone already, or being removed by another caller, is fine. */
  public void remove(String container) {
    try (DockerConnection connection = docker.getConnection()) {
      connection.remove(container);
    } catch (NotFoundException | ConflictException e) {
      // Gone already, or going.
    }
  }

  /**
   * The job a container runs: its label, or for a warm container (made before its job was known)
   * the job its slot took.
   */
  public Optional<Long> jobOf(Map<String, String> labels) {
    String slot = labels.get(WARM_LABEL);
    if (slot != null && !labels.containsKey(JOB_LABEL)) {
      return slots.jobOf(slot);
    }
    try {
      return Optional.ofNullable(labels.get(JOB_LABEL)).map(Long::valueOf);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
