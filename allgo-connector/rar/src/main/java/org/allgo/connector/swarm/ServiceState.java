package org.allgo.connector.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.allgo.connector.api.ExitStatus;

/**
 * A job service's state as a container's, read from its tasks: {@code running} from the moment the
 * swarm has it (its task may still wait for a node with room, or for its image: the swarm will
 * start it, and nothing else will; {@link #started()} tells the difference), then {@code exited}
 * with how it ended. The task that counts is that of the service's last iteration (a retry is a new
 * iteration).
 *
 * <p>A node that the swarm marks down takes its tasks with it: a task that ran there ends with
 * {@link #NODE_LOST} (the program may have done part of its work: it is not run again); a task
 * given to it that had not started is {@link #retry() retried} once, elsewhere, then ends the same
 * way. The swarm itself leaves them as they were, for a day, before it calls them orphaned. A
 * drained node keeps a job's task to its end; it stops a one-shot service's, which then ends the
 * same way (or is retried once, had it not started).
 *
 * @param task the task that counts, if the swarm made one yet
 * @param retry the task had not started when its node went down, and has not been retried yet
 */
public record ServiceState(
    String state, Optional<ExitStatus> exit, Optional<JsonNode> task, boolean retry) {

  public static final String RUNNING = "running";
  public static final String EXITED = "exited";

  /** A node's state in {@link SwarmApi#nodeStates()}: up and taking work. */
  public static final String READY = "ready";

  /** A node's state in {@link SwarmApi#nodeStates()}: up, drained of its work by an operator. */
  public static final String DRAIN = "drain";

  /** The start of a failure that says a job's node was lost; the rest says how. */
  public static final String NODE_LOST = "node lost";

  private static final Set<String> BEFORE_RUN =
      Set.of(
          "new", "allocated", "pending", "assigned", "accepted", "preparing", "ready", "starting");
  private static final String PROGRAM_EXIT = "task: non-zero exit";
  private static final Instant NEVER = Instant.EPOCH;

  /** From the service's tasks and the nodes' states by id (needed while a task has not ended). */
  public static ServiceState of(List<JsonNode> tasks, Map<String, String> nodes, Instant now) {
    Optional<JsonNode> current = current(tasks);
    if (current.isEmpty()) {
      return new ServiceState(RUNNING, Optional.empty(), current, false);
    }
    JsonNode task = current.get();
    String state = task.path("Status").path("State").asText();
    boolean nodeLost = !task.path("NodeID").asText().isEmpty() && nodeLost(task, nodes);
    Instant created = instant(task.path("CreatedAt").asText());
    if (state.equals("running")) {
      return nodeLost
          ? ended(
              current, -1, created, now, NODE_LOST + ": the swarm node that ran the job went down")
          : new ServiceState(RUNNING, Optional.empty(), current, false);
    }
    if (BEFORE_RUN.contains(state) || state.isEmpty()) {
      if (!nodeLost) {
        return new ServiceState(RUNNING, Optional.empty(), current, false);
      }
      if (iteration(task) == 0) {
        return new ServiceState(RUNNING, Optional.empty(), current, true);
      }
      return ended(
          current,
          -1,
          created,
          now,
          NODE_LOST + ": the swarm nodes it was given to went down twice before it started");
    }
    if (state.equals("shutdown") && !task.path("Status").path("ContainerStatus").has("ExitCode")) {
      // Stopped by the swarm before it started (its node drained): as if its node went down.
      return iteration(task) == 0
          ? new ServiceState(RUNNING, Optional.empty(), current, true)
          : ended(
              current,
              -1,
              created,
              now,
              NODE_LOST + ": the swarm nodes it was given to went away twice before it started");
    }
    return ended(task, current, created, nodes);
  }

  /** True once the program runs or ran: the task that counts reached its node's engine. */
  public boolean started() {
    return state.equals(EXITED)
        || task.map(t -> t.path("Status").path("State").asText().equals("running")).orElse(false);
  }

  /** True while the state of the task that counts depends on its node's. */
  public static boolean needsNodes(List<JsonNode> tasks) {
    return current(tasks)
        .map(t -> t.path("Status").path("State").asText())
        .filter(s -> s.equals("running") || s.equals("shutdown") || BEFORE_RUN.contains(s))
        .isPresent();
  }

  /** The task's iteration: 0 for the first run, 1 for a retry (the spec's forced updates). */
  public static long iteration(JsonNode task) {
    return task.path("Spec").path("ForceUpdate").asLong(0);
  }

  private static ServiceState ended(
      JsonNode task, Optional<JsonNode> current, Instant created, Map<String, String> nodes) {
    JsonNode status = task.path("Status");
    String state = status.path("State").asText();
    String error = status.path("Err").asText("");
    JsonNode code = status.path("ContainerStatus").path("ExitCode");
    Instant finished = instant(status.path("Timestamp").asText());
    boolean programEnded =
        (state.equals("complete") || state.equals("failed"))
            && code.isNumber()
            && (error.isEmpty() || error.startsWith(PROGRAM_EXIT));
    if (programEnded) {
      return ended(current, code.asLong(), created, finished, null);
    }
    String failure =
        switch (state) {
          case "rejected" -> "the swarm could not start the job: " + error;
          case "orphaned" -> NODE_LOST + ": the swarm node that ran the job stayed down";
          case "failed" -> "the swarm could not run the job: " + error;
          case "shutdown" ->
              DRAIN.equals(nodes.get(task.path("NodeID").asText()))
                  ? NODE_LOST + ": the swarm node that ran the job was drained"
                  : "the swarm stopped the job";
          default -> "the swarm stopped the job (" + state + ")";
        };
    return ended(current, code.isNumber() ? code.asLong() : -1, created, finished, failure);
  }

  private static ServiceState ended(
      Optional<JsonNode> task, long code, Instant started, Instant finished, String failure) {
    Instant end = finished.isBefore(started) ? started : finished;
    return new ServiceState(
        EXITED,
        Optional.of(new ExitStatus(code, false, false, started, end, Optional.ofNullable(failure))),
        task,
        false);
  }

  private static Optional<JsonNode> current(List<JsonNode> tasks) {
    return tasks.stream()
        .max(
            Comparator.comparingLong(ServiceState::iteration)
                .thenComparing(t -> instant(t.path("CreatedAt").asText())));
  }

  // A drained node keeps what it runs (a job) or has it stopped by the swarm (a one-shot service).
  private static boolean nodeLost(JsonNode task, Map<String, String> nodes) {
    String node = nodes.get(task.path("NodeID").asText());
    return node == null || !(node.equals(READY) || node.equals(DRAIN));
  }

  static Instant instant(String text) {
    try {
      return text.isEmpty() ? NEVER : Instant.parse(text);
    } catch (DateTimeParseException e) {
      return NEVER;
    }
  }
}
