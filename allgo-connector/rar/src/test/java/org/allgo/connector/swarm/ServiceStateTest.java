package org.allgo.connector.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.allgo.connector.api.ExitStatus;
import org.junit.jupiter.api.Test;

class ServiceStateTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-12-04T10:00:10Z");
  private static final Map<String, String> UP = Map.of("n1", "ready", "n2", "ready");
  private static final Map<String, String> N2_DOWN = Map.of("n1", "ready", "n2", "down");

  @Test
  void aJobRunsFromTheMomentTheSwarmHasIt() {
    assertThat(ServiceState.of(List.of(), UP, NOW).state()).isEqualTo("running");
    ServiceState preparing = ServiceState.of(List.of(task(0, "n1", "preparing", "")), UP, NOW);
    assertThat(preparing.state()).isEqualTo("running");
    assertThat(preparing.started()).isFalse();
    assertThat(ServiceState.of(List.of(task(0, "", "pending", "")), Map.of(), NOW).state())
        .isEqualTo("running");
  }

  @Test
  void aRunningTaskIsARunningJob() {
    ServiceState state = ServiceState.of(List.of(task(0, "n1", "running", "")), UP, NOW);
    assertThat(state.state()).isEqualTo("running");
    assertThat(state.started()).isTrue();
    assertThat(state.exit()).isEmpty();
    assertThat(ServiceState.needsNodes(List.of(task(0, "n1", "running", "")))).isTrue();
  }

  @Test
  void aProgramsEndIsItsExitCode() {
    ExitStatus done = exit(task(0, "n2", "complete", "", 0));
    assertThat(done.exitCode()).isZero();
    assertThat(done.failure()).isEmpty();
    assertThat(done.startedAt()).isEqualTo(Instant.parse("2026-12-04T10:00:00Z"));
    assertThat(done.finishedAt()).isEqualTo(Instant.parse("2026-12-04T10:00:05Z"));
    ExitStatus failed = exit(task(0, "n2", "failed", "task: non-zero exit (3)", 3));
    assertThat(failed.exitCode()).isEqualTo(3);
    assertThat(failed.failure()).isEmpty();
    assertThat(ServiceState.needsNodes(List.of(task(0, "n2", "complete", "", 0)))).isFalse();
  }

  @Test
  void whatTheSwarmCouldNotRunIsAFailure() {
    assertThat(exit(task(0, "n2", "rejected", "No such image: x")).failure())
        .contains("the swarm could not start the job: No such image: x");
    assertThat(exit(task(0, "n2", "failed", "starting container failed: oops", 128)).failure())
        .contains("the swarm could not run the job: starting container failed: oops");
    assertThat(exit(task(0, "n2", "orphaned", "")).failure())
        .get()
        .asString()
        .startsWith("node lost");
  }

  @Test
  void aJobThatRanOnANodeThatWentDownIsLost() {
    ServiceState state = ServiceState.of(List.of(task(0, "n2", "running", "")), N2_DOWN, NOW);
    assertThat(state.state()).isEqualTo("exited");
    assertThat(state.retry()).isFalse();
    assertThat(state.exit().orElseThrow().failure())
        .contains("node lost: the swarm node that ran the job went down");
    assertThat(state.exit().orElseThrow().finishedAt()).isEqualTo(NOW);
    assertThat(ServiceState.of(List.of(task(0, "gone", "running", "")), UP, NOW).state())
        .isEqualTo("exited");
  }

  @Test
  void aJobGivenToANodeThatWentDownBeforeItStartedIsRetriedOnce() {
    ServiceState first = ServiceState.of(List.of(task(0, "n2", "assigned", "")), N2_DOWN, NOW);
    assertThat(first.state()).isEqualTo("running");
    assertThat(first.started()).isFalse();
    assertThat(first.retry()).isTrue();

    List<JsonNode> retried = List.of(task(0, "n2", "assigned", ""), task(1, "n1", "running", ""));
    ServiceState second = ServiceState.of(retried, N2_DOWN, NOW);
    assertThat(second.state()).isEqualTo("running");
    assertThat(second.retry()).isFalse();

    ServiceState again = ServiceState.of(List.of(task(1, "n2", "accepted", "")), N2_DOWN, NOW);
    assertThat(again.state()).isEqualTo("exited");
    assertThat(again.exit().orElseThrow().failure()).get().asString().startsWith("node lost");
  }

  @Test
  void aDrainedNodeKeepsItsRunningJobsAndWhatItStopsIsLostOrRetried() {
    Map<String, String> drained = Map.of("n1", "ready", "n2", "drain");
    assertThat(ServiceState.of(List.of(task(0, "n2", "running", "")), drained, NOW).state())
        .isEqualTo("running");
    assertThat(
            ServiceState.of(List.of(task(0, "n2", "shutdown", "", 137)), drained, NOW)
                .exit()
                .orElseThrow()
                .failure())
        .contains("node lost: the swarm node that ran the job was drained");
    ServiceState unstarted = ServiceState.of(List.of(task(0, "n2", "shutdown", "")), drained, NOW);
    assertThat(unstarted.state()).isEqualTo("running");
    assertThat(unstarted.retry()).isTrue();
  }

  private static ExitStatus exit(JsonNode task) {
    ServiceState state = ServiceState.of(List.of(task), UP, NOW);
    assertThat(state.state()).isEqualTo("exited");
    return state.exit().orElseThrow();
  }

  private static JsonNode task(int iteration, String node, String state, String error) {
    return task(iteration, node, state, error, null);
  }

  private static JsonNode task(
      int iteration, String node, String state, String error, Integer exitCode) {
    var task = JSON.createObjectNode();
    task.put("CreatedAt", "2026-12-04T10:00:0" + iteration + "Z");
    task.put("NodeID", node);
    task.putObject("Spec").put("ForceUpdate", iteration);
    var status = task.putObject("Status");
    status.put("State", state);
    status.put("Timestamp", "2026-12-04T10:00:05Z");
    if (!error.isEmpty()) {
      status.put("Err", error);
    }
    if (exitCode != null) {
      status.putObject("ContainerStatus").put("ExitCode", exitCode);
    }
    return task;
  }
}
