package org.allgo.connector.outbound;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.allgo.connector.api.ContainerInfo;
import org.allgo.connector.api.ExitStatus;
import org.allgo.connector.api.LogEntry;
import org.allgo.connector.swarm.ServiceState;

/**
 * What the swarm placement remembers between calls, shared by the connections of one factory: the
 * jobs it killed (the swarm stops a task only by removing its service, and with it the log: what
 * the job wrote and how it ended are kept here until the job's removal), the entry points of images
 * (by digest: they never change), and the kind of service the engine runs jobs as. Bounded, the
 * oldest forgotten first.
 */
final class ServiceRecords {

  private static final int CAPACITY = 1024;

  /** A killed job: the service it was, its state then, its log. */
  record Killed(SwarmJobs.Service service, ContainerInfo info, List<LogEntry> log) {

    private static final long KILLED = 137;

    /** The job killed now, in this state (started when its task says), with the log it wrote. */
    static Killed now(SwarmJobs.Service service, ServiceState state, List<LogEntry> log) {
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
      return new Killed(service, ended, log);
    }
  }

  private final Map<String, Killed> killed = bounded();
  private final Map<String, List<String>> entrypoints = bounded();
  private Boolean jobs;

  synchronized void killed(Killed job) {
    killed.put(job.service().id(), job);
  }

  /** The killed job named by this id or name, if any. */
  synchronized Optional<Killed> killed(String ref) {
    Killed byId = killed.get(ref);
    if (byId != null) {
      return Optional.of(byId);
    }
    return killed.values().stream().filter(k -> k.service().name().equals(ref)).findFirst();
  }

  /** The killed jobs whose services carried all these labels. */
  synchronized List<Killed> killedMatching(Map<String, String> labels) {
    return killed.values().stream()
        .filter(
            k ->
                labels.entrySet().stream()
                    .allMatch(e -> e.getValue().equals(k.service().labels().get(e.getKey()))))
        .toList();
  }

  synchronized void forget(String id) {
    killed.remove(id);
  }

  /** The image's entry point, resolved once. */
  List<String> entrypoint(String image, Supplier<List<String>> resolve) {
    synchronized (this) {
      List<String> known = entrypoints.get(image);
      if (known != null) {
        return known;
      }
    }
    List<String> resolved = List.copyOf(resolve.get());
    synchronized (this) {
      entrypoints.put(image, resolved);
    }
    return resolved;
  }

  /** Whether the swarm's engine runs jobs as {@code replicated-job} services, asked once. */
  boolean jobs(Supplier<Boolean> ask) {
    synchronized (this) {
      if (jobs != null) {
        return jobs;
      }
    }
    boolean answer = ask.get();
    synchronized (this) {
      jobs = answer;
    }
    return answer;
  }

  private static <V> Map<String, V> bounded() {
    return new LinkedHashMap<>(64, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > CAPACITY;
      }
    };
  }
}
