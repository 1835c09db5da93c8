package org.allgo.it.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allgo.connector.testing.Commands;
import org.allgo.it.AllgoScript;
import org.allgo.it.Server;

/**
 * The nodes of the test swarm the server under test places its jobs on ({@code bin/lib/swarm.sh},
 * {@code -Dallgo.swarm.name}): what each engine ran, and killing one.
 */
final class SwarmNodes {

  private static final String NAME = System.getProperty("allgo.swarm.name", "test");

  private final Map<Integer, String> engines;

  private SwarmNodes(Map<Integer, String> engines) {
    this.engines = engines;
  }

  /** The swarm as it runs now, every node up; fails when it does not. */
  static SwarmNodes whole() {
    String output = script("up");
    Map<Integer, String> engines = new LinkedHashMap<>();
    for (String line : output.split("\n")) {
      if (line.startsWith("ALLGO_SWARM_NODE_")) {
        int equals = line.indexOf('=');
        engines.put(
            Integer.parseInt(line.substring("ALLGO_SWARM_NODE_".length(), equals)),
            line.substring(equals + 1).split(" ")[0]);
      }
    }
    if (engines.size() < 3) {
      throw new IllegalStateException("No test swarm of three nodes: " + output);
    }
    return new SwarmNodes(engines);
  }

  List<Integer> numbers() {
    return List.copyOf(engines.keySet());
  }

  /** Kills node {@code n} (2 or more) at once, as when its machine dies. */
  void kill(int n) {
    script("kill", Integer.toString(n));
  }

  /**
   * Records, from now until closed, the job containers each node starts (an engine keeps its last
   * 256 events only: they are followed as they come).
   */
  Starts recordStarts() {
    return new Starts(engines);
  }

  /** The job services (by name) whose containers each node started while recording. */
  static final class Starts implements AutoCloseable {

    private final Map<Integer, Process> followers = new LinkedHashMap<>();
    private final Map<Integer, Path> files = new LinkedHashMap<>();

    private Starts(Map<Integer, String> engines) {
      try {
        for (Map.Entry<Integer, String> node : engines.entrySet()) {
          Path file = Files.createTempFile("allgo-swarm-starts", ".txt");
          files.put(node.getKey(), file);
          followers.put(
              node.getKey(),
              new ProcessBuilder(
                      "docker",
                      "-H",
                      node.getValue(),
                      "events",
                      "--filter",
                      "type=container",
                      "--filter",
                      "event=start",
                      "--filter",
                      "label=allgo.env=" + Server.ENVIRONMENT,
                      "--format",
                      "{{index .Actor.Attributes \"allgo.service\"}}")
                  .redirectErrorStream(true)
                  .redirectOutput(file.toFile())
                  .start());
        }
        // The followers are subscribed once they answer; a second is ample here.
        Thread.sleep(1_000);
      } catch (IOException e) {
        throw new IllegalStateException("Cannot follow the nodes' events", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    /** What node {@code n} started so far. */
    List<String> of(int n) {
      try {
        return Files.readAllLines(files.get(n)).stream().filter(l -> !l.isBlank()).toList();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void close() throws IOException {
      followers.values().forEach(Process::destroy);
      for (Path file : files.values()) {
        Files.deleteIfExists(file);
      }
    }
  }

  /** The job containers of the environment on node {@code n}, running or not, by service. */
  List<String> jobContainers(int n) {
    return docker(
            n,
            "ps",
            "-a",
            "--filter",
            "label=allgo.env=" + Server.ENVIRONMENT,
            "--filter",
            "label=allgo.service",
            "--format",
            "{{.Label \"allgo.service\"}}")
        .lines()
        .filter(line -> !line.isBlank())
        .toList();
  }

  /** The environment's services on the swarm. */
  List<String> services() {
    return docker(
            1,
            "service",
            "ls",
            "--filter",
            "label=allgo.env=" + Server.ENVIRONMENT,
            "--format",
            "{{.Name}}")
        .lines()
        .filter(line -> !line.isBlank())
        .toList();
  }

  /**
   * Waits until the environment has no service left on the swarm, nor job container on its nodes
   * but {@code skipped} (a node that cannot answer).
   */
  void awaitNoJobsLeft(Set<Integer> skipped) {
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(services()).isEmpty();
              for (int n : numbers()) {
                if (!skipped.contains(n)) {
                  assertThat(jobContainers(n)).as("job containers on node " + n).isEmpty();
                }
              }
            });
  }

  String docker(int n, String... args) {
    List<String> command = new ArrayList<>(List.of("docker", "-H", engines.get(n)));
    command.addAll(List.of(args));
    return run(command);
  }

  private static String script(String... args) {
    List<String> command =
        new ArrayList<>(List.of(new File(AllgoScript.root(), "bin/lib/swarm.sh").getPath()));
    command.addAll(List.of(args));
    return run(command);
  }

  private static String run(List<String> command) {
    Commands.Result result =
        Commands.runDetached(command, Map.of("ALLGO_SWARM_NAME", NAME), Duration.ofMinutes(3));
    if (result.exit() != 0) {
      throw new IllegalStateException(command + " failed: " + result.stdout());
    }
    return result.stdout();
  }
}
