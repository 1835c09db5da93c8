package org.allgo.connector.swarm;

import static org.allgo.connector.testing.AdapterFixture.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.allgo.connector.api.ContainerEvent;
import org.allgo.connector.api.ExitStatus;
import org.allgo.connector.api.Limits;
import org.allgo.connector.inbound.ContainerEventActivationSpec;
import org.allgo.connector.testing.AdapterFixture;
import org.allgo.connector.testing.RecordingEndpoints;
import org.allgo.connector.testing.Swarm;
import org.allgo.connector.testing.TestBootstrapContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Nodes of the test swarm that die, hang or are drained under jobs, with the adapter's event
 * subscription on (it reports the ends and retries the jobs that had not started).
 */
class NodeLossIT extends SwarmJobsTest {

  private final TestBootstrapContext bootstrap = new TestBootstrapContext();
  private final RecordingEndpoints endpoints = new RecordingEndpoints();
  private final ContainerEventActivationSpec activation = new ContainerEventActivationSpec();

  NodeLossIT(Swarm swarm) throws Exception {
    super(swarm);
    activation.setLabelFilter(
        "allgo.env=" + AdapterFixture.ENVIRONMENT + "," + Swarm.PLACED + "=yes");
    activation.setActions("die");
    fixture.adapter().start(bootstrap);
    fixture.adapter().endpointActivation(endpoints, activation);
  }

  @AfterEach
  void stopEventsAndMakeTheSwarmWhole() throws Exception {
    try {
      fixture.adapter().endpointDeactivation(endpoints, activation);
      fixture.adapter().stop();
      bootstrap.close();
    } finally {
      swarm.whole();
    }
  }

  @Test
  void jobsRunningOnANodeThatDiesEndOnceAsNodeLostTheOthersRunOn() {
    List<String> running = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      running.add(docker.run(job("long", "sh", "-c", "echo started; sleep 600")));
    }
    awaitStarted(running);
    Map<String, Integer> nodes = nodesOf(running);
    int victim = nodes.values().stream().filter(n -> n > 1).findFirst().orElseThrow();
    Set<String> lost =
        nodes.entrySet().stream()
            .filter(e -> e.getValue() == victim)
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());

    swarm.kill(victim);
    List<String> waiting = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      waiting.add(docker.run(job("after", "echo", "done")));
    }

    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              for (String id : lost) {
                assertThat(endpoints.eventsOf(id)).hasSize(1);
                assertThat(docker.inspect(id).exit())
                    .get()
                    .extracting(ExitStatus::failure)
                    .asString()
                    .contains("node lost");
              }
              for (String id : waiting) {
                assertThat(docker.inspect(id).exit())
                    .get()
                    .extracting(ExitStatus::exitCode)
                    .isEqualTo(0L);
              }
            });
    assertThat(nodesOf(waiting).values()).doesNotContain(victim);
    for (String id : running) {
      if (!lost.contains(id)) {
        assertThat(docker.inspect(id).running()).isTrue();
        docker.kill(id);
      }
    }
    running.forEach(docker::remove);
    waiting.forEach(docker::remove);
    assertThat(endpoints.events()).extracting(ContainerEvent::containerId).doesNotHaveDuplicates();
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              for (Swarm.Node node : swarm.nodes()) {
                if (node.number() != victim) {
                  assertThat(
                          swarm.docker(
                              node.number(),
                              "ps",
                              "-aq",
                              "--filter",
                              "label=allgo.env=" + AdapterFixture.ENVIRONMENT))
                      .isEmpty();
                }
              }
            });
    assertThat(swarm.docker("service", "ls", "-q", "--filter", "label=allgo.test=true")).isEmpty();
  }

  @Test
  void jobsGivenToANodeThatStopsAnsweringBeforeTheyStartRunElsewhereOnce() {
    // Node 3 alone takes work when it hangs: the jobs placed then are all given to it.
    List<String> others = List.of(swarm.nodes().get(0).id(), swarm.nodes().get(1).id());
    List<String> jobs = new ArrayList<>();
    try {
      others.forEach(id -> swarm.docker("node", "update", "--availability", "drain", id));
      swarm.freeze(3);
      for (int i = 0; i < 3; i++) {
        jobs.add(docker.run(job("quick", "echo", "ran")));
      }
      // The scheduler places tasks a moment later (longer on a loaded machine): the other nodes
      // take work again only once each job's first task has its node.
      await().atMost(TIMEOUT).until(() -> nodesOf(jobs, true).size() == jobs.size());
    } finally {
      others.forEach(id -> swarm.docker("node", "update", "--availability", "active", id));
    }
    // Their first tasks (by then, the retries may have placed later ones elsewhere).
    assertThat(nodesOf(jobs, true).values()).as("nodes given the jobs").containsOnly(3);

    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              for (String id : jobs) {
                assertThat(docker.inspect(id).exit())
                    .get()
                    .satisfies(
                        exit -> {
                          assertThat(exit.failure()).isEmpty();
                          assertThat(exit.exitCode()).isZero();
                        });
              }
            });
    for (String id : jobs) {
      assertThat(docker.logs(id).stdout()).isEqualTo("ran\n");
      assertThat(swarm.docker("service", "inspect", "-f", "{{.Spec.TaskTemplate.ForceUpdate}}", id))
          .isEqualTo("1");
      assertThat(nodesOf(List.of(id)).get(id)).isNotEqualTo(3);
    }
    assertThat(endpoints.events()).extracting(ContainerEvent::containerId).doesNotHaveDuplicates();
    jobs.forEach(docker::remove);
  }

  @Test
  void aDrainedNodeTakesNoMoreJobsAndItsOwnEndOnce() {
    List<String> first = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      first.add(docker.run(job("drained", "sh", "-c", "echo started; sleep 3; echo finished")));
    }
    awaitStarted(first);
    Map<String, Integer> nodes = nodesOf(first);
    int drained = nodes.values().stream().filter(n -> n > 1).findFirst().orElseThrow();
    String nodeId = swarm.nodes().get(drained - 1).id();
    // A job service keeps its task on a drained node; a one-shot service has it stopped.
    boolean jobs =
        swarm
            .docker("service", "inspect", "-f", "{{json .Spec.Mode}}", first.get(0))
            .contains("Job");
    swarm.docker("node", "update", "--availability", "drain", nodeId);
    try {
      List<String> later = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        later.add(docker.run(job("later", "echo", "later")));
      }
      await()
          .atMost(TIMEOUT)
          .untilAsserted(
              () -> {
                for (String id : first) {
                  assertThat(docker.inspect(id).exit()).isPresent();
                }
                for (String id : later) {
                  assertThat(docker.inspect(id).exit()).isPresent();
                }
              });
      for (String id : first) {
        ExitStatus exit = docker.inspect(id).exit().get();
        if (nodes.get(id) == drained && !jobs) {
          assertThat(exit.failure())
              .contains("node lost: the swarm node that ran the job was drained");
        } else {
          assertThat(exit.failure()).isEmpty();
          assertThat(docker.logs(id).stdout()).isEqualTo("started\nfinished\n");
        }
      }
      assertThat(nodesOf(later).values()).doesNotContain(drained);
      assertThat(endpoints.events())
          .extracting(ContainerEvent::containerId)
          .doesNotHaveDuplicates();
      first.forEach(docker::remove);
      later.forEach(docker::remove);
    } finally {
      swarm.docker("node", "update", "--availability", "active", nodeId);
    }
  }

  private org.allgo.connector.api.ContainerSpec job(String what, String... argv) {
    return spec(image, what, argv)
        .withLabel(Swarm.PLACED, "yes")
        .withLimits(Limits.of(16L << 20, 0.1, 32));
  }

  // Their programs run (a job is running for the adapter from the moment the swarm has it).
  private void awaitStarted(List<String> jobs) {
    await()
        .atMost(TIMEOUT)
        .until(() -> jobs.stream().allMatch(id -> docker.logs(id).stdout().startsWith("started")));
  }

  /** The node (its number) of each job's latest task, for the jobs that have one on a node. */
  private Map<String, Integer> nodesOf(List<String> jobs) {
    return nodesOf(jobs, false);
  }

  /** The node of each job's first task ({@code first}) or latest one. */
  private Map<String, Integer> nodesOf(List<String> jobs, boolean first) {
    Map<String, Integer> byId =
        swarm.nodes().stream().collect(Collectors.toMap(Swarm.Node::id, Swarm.Node::number));
    Map<String, Integer> nodes = new java.util.HashMap<>();
    for (String job : jobs) {
      String last = "";
      for (String line : swarm.docker("service", "ps", "--no-trunc", "-q", job).split("\n")) {
        if (!line.isBlank()) {
          String task =
              swarm.docker("inspect", "-f", "{{.Spec.ForceUpdate}} {{.NodeID}}", line.strip());
          if (last.isEmpty() || (first ? task.compareTo(last) < 0 : task.compareTo(last) > 0)) {
            last = task;
          }
        }
      }
      String[] parts = last.split(" ");
      if (parts.length == 2 && byId.containsKey(parts[1])) {
        nodes.put(job, byId.get(parts[1]));
      }
    }
    return nodes;
  }
}
