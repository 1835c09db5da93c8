package org.allgo.connector.outbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.allgo.connector.adapter.AdapterConfig;
import org.allgo.connector.adapter.EngineClient;
import org.allgo.connector.adapter.EnvironmentPolicy;
import org.allgo.connector.api.ContainerInfo;
import org.allgo.connector.api.ContainerLogs;
import org.allgo.connector.api.ContainerSpec;
import org.allgo.connector.api.ContainerSummary;
import org.allgo.connector.api.DockerException;
import org.allgo.connector.api.DockerTimeoutException;
import org.allgo.connector.api.ExitStatus;
import org.allgo.connector.api.ImageRef;
import org.allgo.connector.api.LogEntry;
import org.allgo.connector.api.LogSink;
import org.allgo.connector.api.Mount;
import org.allgo.connector.api.NotFoundException;
import org.allgo.connector.api.PolicyRefusedException;
import org.allgo.connector.swarm.ServiceSpecs;
import org.allgo.connector.swarm.ServiceState;
import org.allgo.connector.swarm.SwarmActivity;
import org.allgo.connector.swarm.SwarmApi;
import org.allgo.connector.swarm.SwarmConfig;
import org.allgo.connector.swarm.Witness;

/**
 * Jobs as swarm services, seen as containers: a service per job, named as its container would be,
 * with the container mode's confinement ({@link ServiceSpecs}); its state, exit and log read from
 * its task ({@link JobServices}, {@link SwarmLogs}). Only the environment's services are touched,
 * and only images of its namespace by digest are run (every node pulls them from the registry). The
 * swarm stops a task only by removing its service: a kill keeps the job's log and end here ({@link
 * ServiceRecords}) until its removal.
 */
final class SwarmJobs {

  /** The label of the containers a swarm task makes: the service's name. */
  static final String SERVICE_LABEL = "allgo.service";

  private static final System.Logger LOG = System.getLogger(SwarmJobs.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  /** A job service of the environment, as the swarm describes it. */
  record Service(String id, String name, String image, Map<String, String> labels) {}

  private final EngineClient client;
  private final SwarmApi api;
  private final AdapterConfig config;
  private final SwarmConfig swarm;
  private final EnvironmentPolicy policy;
  private final Images images;
  private final ServiceRecords records;
  private final SwarmActivity activity;
  private final JobServices services;
  private final SwarmLogs logs;

  SwarmJobs(
      EngineClient client,
      AdapterConfig config,
      SwarmConfig swarm,
      EnvironmentPolicy policy,
      Images images,
      ServiceRecords records,
      SwarmActivity activity) {
    this.client = client;
    this.api = new SwarmApi(client);
    this.config = config;
    this.swarm = swarm;
    this.policy = policy;
    this.images = images;
    this.records = records;
    this.activity = activity;
    this.services = new JobServices(api, config);
    this.logs = new SwarmLogs(api, records);
  }

  String run(ContainerSpec spec) {
    policy.checkRun(spec);
    checkImage(spec.image());
    swarm
        .helperDir()
        .ifPresent(dir -> policy.checkMount(Mount.readOnly(dir.toString(), Witness.MOUNT)));
    var command = ContainerCommands.create(client.docker(), spec, config.environment());
    List<String> entrypoint =
        swarm.helperDir().isPresent()
            ? records.entrypoint(spec.image().toString(), () -> images.entrypoint(spec.image()))
            : List.of();
    ObjectNode service;
    try {
      service =
          ServiceSpecs.service(
              JSON.valueToTree(command),
              spec.name(),
              config.environment(),
              swarm,
              entrypoint,
              records.jobs(() -> ServiceSpecs.jobsSupported(api.apiVersion())));
    } catch (IllegalStateException e) {
      throw new DockerException("Cannot place " + spec.name() + " on the swarm: " + e.getMessage());
    }
    String id = api.createService(service);
    activity.placed();
    LOG.log(Level.DEBUG, "Placed {0} ({1}) on the swarm from {2}", spec.name(), id, spec.image());
    return id;
  }

  /** The environment's job service of this id or name, if there is one. */
  Optional<Service> lookup(String ref) {
    Optional<ServiceRecords.Killed> killed = records.killed(ref);
    if (killed.isPresent()) {
      return Optional.of(killed.get().service());
    }
    return services.find(ref);
  }

  ContainerInfo info(Service service) {
    Optional<ServiceRecords.Killed> killed = records.killed(service.id());
    if (killed.isPresent()) {
      return killed.get().info();
    }
    ServiceState state = services.state(service);
    Optional<ExitStatus> exit = state.exit().map(e -> witnessed(service, e));
    return new ContainerInfo(
        service.id(), service.name(), service.image(), state.state(), service.labels(), exit);
  }

  List<ContainerSummary> list(Map<String, String> labels) {
    Map<String, String> filter = new LinkedHashMap<>(labels);
    filter.put(EnvironmentPolicy.ENVIRONMENT_LABEL, config.environment());
    List<ContainerSummary> summaries = new ArrayList<>();
    records.killedMatching(filter).forEach(k -> summaries.add(summary(k.info())));
    List<Service> services =
        this.services.matching(filter).stream()
            .filter(s -> records.killed(s.id()).isEmpty())
            .toList();
    summaries.addAll(this.services.summaries(services));
    return summaries;
  }

  ExitStatus waitFor(Service service, Duration timeout) {
    if (Polling.until(timeout, () -> ended(service))) {
      return info(service).exit().orElseThrow();
    }
    LOG.log(Level.DEBUG, "Swarm job {0} outlived {1}: killing it", service.name(), timeout);
    kill(service);
    if (!Polling.until(STOP_GRACE, () -> ended(service))) {
      throw new DockerTimeoutException("Swarm job " + service.name() + " does not stop");
    }
    return info(service).exit().orElseThrow().withTimedOut();
  }

  ContainerLogs logs(Service service) {
    return logs.logs(service);
  }

  /** The job's log from {@code since} into {@code sink}, without the witness's report. */
  void readLogs(Service service, Instant since, LogSink sink) {
    logs.read(service, since, sink);
  }

  /**
   * A job's container is on whichever node the swarm chose, whose engine the manager does not
   * measure: its disk use is not known here (its root is read-only, its tmpfs sized).
   */
  long diskUse(Service service) {
    throw new DockerException(
        "The disk use of swarm job " + service.name() + " is measured on its node only");
  }

  List<LogEntry> tail(Service service, int count) {
    return logs.tail(service, count);
  }

  /**
   * Kills the job: its log and end are kept, then its service removed (which kills its task at
   * once, SIGKILL). Does nothing when it ended already.
   */
  void kill(Service service) {
    if (records.killed(service.id()).isPresent()) {
      return;
    }
    ServiceState state = services.state(service);
    if (state.state().equals(ServiceState.EXITED)) {
      return;
    }
    List<LogEntry> log = List.of();
    try {
      log = logs.whole(service);
    } catch (DockerException e) {
      LOG.log(Level.DEBUG, "No log kept of killed job {0}: {1}", service.name(), e.toString());
    }
    records.killed(ServiceRecords.Killed.now(service, state, log));
    try {
      api.removeService(service.id());
    } catch (NotFoundException e) {
      // Removed by another caller meanwhile: killed all the same.
    }
  }

  void remove(Service service) {
    if (records.killed(service.id()).isPresent()) {
      records.forget(service.id());
      return;
    }
    api.removeService(service.id());
  }

  private boolean ended(Service service) {
    return info(service).state().equals(ServiceState.EXITED);
  }

  // The witness's report, among the log's last messages, completes what the swarm says of a
  // program's end.
  private ExitStatus witnessed(Service service, ExitStatus exit) {
    if (swarm.helperDir().isEmpty() || exit.failure().isPresent()) {
      return exit;
    }
    try {
      return Witness.complete(exit, logs.end(service));
    } catch (DockerException e) {
      LOG.log(Level.DEBUG, "No report of {0}'s end: {1}", service.name(), e.toString());
      return exit;
    }
  }

  private void checkImage(ImageRef image) {
    if (!image.byDigest() || !image.repository().startsWith(config.namespace())) {
      throw new PolicyRefusedException(
          "Refused by policy: on the swarm, a job runs an image of "
              + config.namespace()
              + " by digest, which every node pulls from the registry; got "
              + image);
    }
  }

  private static ContainerSummary summary(ContainerInfo info) {
    return new ContainerSummary(info.id(), info.name(), info.image(), info.state(), info.labels());
  }
}
