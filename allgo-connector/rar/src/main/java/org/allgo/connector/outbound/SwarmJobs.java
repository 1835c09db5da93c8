package org.allgo.connector.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.allgo.connector.adapter.AdapterConfig;
import org.allgo.connector.adapter.EngineClient;
import org.allgo.connector.adapter.EnvironmentPolicy;
import org.allgo.connector.adapter.Failures;
import org.allgo.connector.api.ContainerInfo;
import org.allgo.connector.api.ContainerLogs;
import org.allgo.connector.api.ContainerSpec;
import org.allgo.connector.api.ContainerSummary;
import org.allgo.connector.api.DockerException;
import org.allgo.connector.api.DockerTimeoutException;
import org.allgo.connector.api.ExitStatus;
import org.allgo.connector.api.ImageRef;
import org.allgo.connector.api.LogChunk;
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
 * its task. Only the environment's services are touched, and only images of its namespace by digest
 * are run (every node pulls them from the registry). The swarm stops a task only by removing its
 * service: a kill keeps the job's log and end here ({@link ServiceRecords}) until its removal.
 */
final class SwarmJobs {

  /** The label of the containers a swarm task makes: the service's name. */
  static final String SERVICE_LABEL = "allgo.service";

  private static final System.Logger LOG = System.getLogger(SwarmJobs.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CONTAINER_ID = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern SERVICE_REF = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}");
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);
  private static final long KILLED = 137;

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
            ? records.entrypoint(spec.image().toString(), () -> entrypoint(spec.image()))
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
    if (CONTAINER_ID.matcher(ref).matches() || !SERVICE_REF.matcher(ref).matches()) {
      return Optional.empty();
    }
    return api.service(ref).map(this::owned);
  }

  ContainerInfo info(Service service) {
    Optional<ServiceRecords.Killed> killed = records.killed(service.id());
    if (killed.isPresent()) {
      return killed.get().info();
    }
    ServiceState state = state(service);
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
        api.services(filter).stream()
            .map(this::describe)
            .filter(s -> s.name().startsWith(config.containerPrefix()))
            .filter(s -> records.killed(s.id()).isEmpty())
            .toList();
    if (services.isEmpty()) {
      return summaries;
    }
    Map<String, List<JsonNode>> tasks = new HashMap<>();
    for (JsonNode task :
        api.tasksOfServices(Map.of(EnvironmentPolicy.ENVIRONMENT_LABEL, config.environment()))) {
      tasks.computeIfAbsent(task.path("ServiceID").asText(), id -> new ArrayList<>()).add(task);
    }
    boolean needsNodes = tasks.values().stream().anyMatch(ServiceState::needsNodes);
    Map<String, String> nodes = needsNodes ? api.nodeStates() : Map.of();
    Instant now = Instant.now();
    for (Service service : services) {
      ServiceState state = ServiceState.of(tasks.getOrDefault(service.id(), List.of()), nodes, now);
      summaries.add(
          new ContainerSummary(
              service.id(), service.name(), service.image(), state.state(), service.labels()));
    }
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
    Optional<ServiceRecords.Killed> killed = records.killed(service.id());
    if (killed.isPresent()) {
      return new ContainerLogs(killed.get().log().stream().map(LogEntry::chunk).toList());
    }
    return new ContainerLogs(Witness.withoutReport(frames(service, "")));
  }

  /**
   * The job's log from {@code since} into {@code sink}, without the witness's report: what the
   * swarm gathers from the task's node, or the log kept when the job was killed.
   */
  void readLogs(Service service, Instant since, LogSink sink) {
    Optional<ServiceRecords.Killed> killed = records.killed(service.id());
    if (killed.isPresent()) {
      for (LogEntry entry : killed.get().log()) {
        if ((since == null || !entry.time().isBefore(since)) && !sink.accept(entry)) {
          return;
        }
      }
      return;
    }
    String options =
        since == null ? "&timestamps=1" : "&timestamps=1&since=" + LogFrames.since(since);
    String what = "Cannot read the log of swarm job " + service.name();
    try (InputStream body = api.logs(service.id(), options)) {
      FrameReader frames = new FrameReader(body);
      for (Optional<LogChunk> chunk = frames.next(); chunk.isPresent(); chunk = frames.next()) {
        LogEntry entry = TimestampedFrames.entry(chunk.get());
        if (!Witness.isReport(entry.chunk()) && !sink.accept(entry)) {
          return;
        }
      }
    } catch (FrameReader.EngineError e) {
      // The node that holds the log is down: what came before is all there is.
      LOG.log(Level.DEBUG, "{0}: {1}", what, e.getMessage());
    } catch (IOException e) {
      throw Failures.unavailable(what, e);
    }
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
    Optional<ServiceRecords.Killed> killed = records.killed(service.id());
    if (killed.isPresent()) {
      List<LogEntry> log = killed.get().log();
      return count < 0 ? log : log.subList(Math.max(0, log.size() - count), log.size());
    }
    return entries(service, count).stream().filter(e -> !Witness.isReport(e.chunk())).toList();
  }

  /**
   * Kills the job: its log and end are kept, then its service removed (which kills its task at
   * once, SIGKILL). Does nothing when it ended already.
   */
  void kill(Service service) {
    if (records.killed(service.id()).isPresent()) {
      return;
    }
    ServiceState state = state(service);
    if (state.state().equals(ServiceState.EXITED)) {
      return;
    }
    List<LogEntry> log = List.of();
    try {
      log = entries(service, -1).stream().filter(e -> !Witness.isReport(e.chunk())).toList();
    } catch (DockerException e) {
      LOG.log(Level.DEBUG, "No log kept of killed job {0}: {1}", service.name(), e.toString());
    }
    Instant now = Instant.now();
    Instant started =
        state.started()
            ? state
                .task()
                .map(t -> Instant.parse(t.path("Status").path("Timestamp").asText()))
                .orElse(now)
            : now;
    ContainerInfo ended =
        new ContainerInfo(
            service.id(),
            service.name(),
            service.image(),
            ServiceState.EXITED,
            service.labels(),
            Optional.of(new ExitStatus(KILLED, false, false, started, now)));
    records.killed(new ServiceRecords.Killed(service, ended, log));
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

  private ServiceState state(Service service) {
    List<JsonNode> tasks = api.tasks(service.id());
    Map<String, String> nodes = ServiceState.needsNodes(tasks) ? api.nodeStates() : Map.of();
    return ServiceState.of(tasks, nodes, Instant.now());
  }

  // The witness's report, the log's last message, completes what the swarm says of a program's end.
  private ExitStatus witnessed(Service service, ExitStatus exit) {
    if (swarm.helperDir().isEmpty() || exit.failure().isPresent()) {
      return exit;
    }
    try {
      List<LogEntry> last = entries(service, 1);
      return Witness.complete(
          exit, last.isEmpty() ? Optional.empty() : Optional.of(last.get(last.size() - 1)));
    } catch (DockerException e) {
      LOG.log(Level.DEBUG, "No report of {0}'s end: {1}", service.name(), e.toString());
      return exit;
    }
  }

  private List<LogEntry> entries(Service service, int count) {
    return frames(service, "&timestamps=1&tail=" + (count < 0 ? "all" : Integer.toString(count)))
        .stream()
        .map(TimestampedFrames::entry)
        .toList();
  }

  private List<LogChunk> frames(Service service, String options) {
    String what = "Cannot read the log of swarm job " + service.name();
    List<LogChunk> chunks = new ArrayList<>();
    try (InputStream body = api.logs(service.id(), options)) {
      FrameReader frames = new FrameReader(body);
      for (Optional<LogChunk> chunk = frames.next(); chunk.isPresent(); chunk = frames.next()) {
        chunks.add(chunk.get());
      }
    } catch (FrameReader.EngineError e) {
      // The node that holds the log is down: what came before is all there is.
      LOG.log(Level.DEBUG, "{0}: {1}", what, e.getMessage());
    } catch (IOException e) {
      throw Failures.unavailable(what, e);
    }
    return chunks;
  }

  private Service owned(JsonNode service) {
    Service described = describe(service);
    if (!config.environment().equals(described.labels().get(EnvironmentPolicy.ENVIRONMENT_LABEL))
        || !described.name().startsWith(config.containerPrefix())) {
      throw new PolicyRefusedException(
          "Refused by policy: swarm service "
              + described.name()
              + " does not belong to environment "
              + config.environment());
    }
    return described;
  }

  private Service describe(JsonNode service) {
    JsonNode spec = service.path("Spec");
    Map<String, String> labels = new LinkedHashMap<>();
    spec.path("Labels")
        .fields()
        .forEachRemaining(f -> labels.put(f.getKey(), f.getValue().asText()));
    return new Service(
        service.path("ID").asText(),
        spec.path("Name").asText(),
        spec.path("TaskTemplate").path("ContainerSpec").path("Image").asText(),
        labels);
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

  // The image's own entry point, which the witness runs before the arguments, as the engine would.
  private List<String> entrypoint(ImageRef image) {
    for (int attempt = 1; ; attempt++) {
      try {
        String[] entrypoint =
            client.docker().inspectImageCmd(image.toString()).exec().getConfig().getEntrypoint();
        return entrypoint == null ? List.of() : Arrays.asList(entrypoint);
      } catch (RuntimeException e) {
        RuntimeException failure = Failures.translate(e, "Cannot inspect image " + image);
        if (!(failure instanceof NotFoundException) || attempt == 2) {
          throw failure;
        }
        images.pull(image);
      }
    }
  }

  private static ContainerSummary summary(ContainerInfo info) {
    return new ContainerSummary(info.id(), info.name(), info.image(), info.state(), info.labels());
  }
}
