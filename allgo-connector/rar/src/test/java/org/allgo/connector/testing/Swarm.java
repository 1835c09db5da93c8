package org.allgo.connector.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The three-node swarm of {@code bin/lib/swarm.sh} (engines of their own in network namespaces of
 * their own, the host's engine left alone), made once for a test run and removed at its end when
 * this run made it; a run that finds it running leaves it running. A test that kills a node gets it
 * back with {@link #whole()}.
 */
public final class Swarm implements ExtensionContext.Store.CloseableResource, AutoCloseable {

  /** A node: its number (1 is the manager), its engine, its swarm id. */
  public record Node(int number, String dockerHost, String id) {}

  private final Path script;
  private final boolean made;
  private volatile Map<String, String> settings;

  private Swarm(Path script, boolean made, Map<String, String> settings) {
    this.script = script;
    this.made = made;
    this.settings = settings;
  }

  /** The swarm, made when none runs whole. */
  public static Swarm start() {
    Path script = script();
    Result running = run(script, "env");
    if (running.code() == 0) {
      return new Swarm(script, false, parse(running.output()));
    }
    // 3: there was none (else a part of one, which is mended and left as it was found).
    Result made = run(script, "up");
    if (made.code() != 0) {
      throw new IllegalStateException("The test swarm did not come up: " + made.output());
    }
    return new Swarm(script, running.code() == 3, parse(made.output()));
  }

  /** The manager's engine, as the adapter takes it: {@code unix:///…}. */
  public String manager() {
    return settings.get("ALLGO_SWARM_MANAGER");
  }

  /** The registry the nodes pull from, {@code host:port}. */
  public String registry() {
    return settings.get("ALLGO_SWARM_REGISTRY");
  }

  /** The test environment's image namespace in the swarm's registry. */
  public String namespace() {
    return registry() + "/allgo/" + AdapterFixture.ENVIRONMENT + "/";
  }

  /** The swarm network of the jobs allowed the network. */
  public String network() {
    return settings.get("ALLGO_SWARM_NETWORK");
  }

  public List<Node> nodes() {
    List<Node> nodes = new ArrayList<>();
    for (int n = 1; settings.containsKey("ALLGO_SWARM_NODE_" + n); n++) {
      String[] value = settings.get("ALLGO_SWARM_NODE_" + n).split(" ");
      nodes.add(new Node(n, value[0], value.length > 1 ? value[1] : ""));
    }
    return nodes;
  }

  /** The label that places a test's container on the swarm ({@link #adapter}). */
  public static final String PLACED = "allgo.swarm";

  /**
   * The adapter in swarm mode on this swarm, as {@link AdapterFixture} sets it up otherwise: the
   * containers labelled {@link #PLACED}{@code =yes} run as swarm jobs, the others on the manager; a
   * static busybox in {@code volumeRoot/helper} serves as the helper folder.
   */
  public AdapterFixture adapter(Path volumeRoot) {
    Path helper = volumeRoot.resolve("helper");
    try {
      Files.createDirectories(helper.resolve("bin"));
      Files.copy(Path.of("/bin/busybox"), helper.resolve("bin/busybox"));
      for (String applet : List.of("sh", "cat", "grep")) {
        Files.createSymbolicLink(helper.resolve("bin/" + applet), Path.of("busybox"));
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot make the helper folder " + helper, e);
    }
    AdapterFixture fixture = new AdapterFixture(volumeRoot, manager());
    fixture.adapter().setEngine("swarm");
    fixture.adapter().setRegistry(registry());
    fixture.adapter().setSwarmLabels(PLACED + "=yes");
    fixture.adapter().setSwarmNetwork(network());
    fixture.adapter().setSwarmHelperDir(helper.toString());
    return fixture;
  }

  /** Kills node {@code n} (2 or more) at once, as when its machine dies. */
  public void kill(int n) {
    Result killed = run(script, "kill", Integer.toString(n));
    if (killed.code() != 0) {
      throw new IllegalStateException("Node " + n + " was not killed: " + killed.output());
    }
  }

  /**
   * Stops every process of node {@code n} (2 or more), SIGSTOP: a node that stops answering, its
   * work given to it left as it was.
   */
  public void freeze(int n) {
    Result frozen = run(script, "freeze", Integer.toString(n));
    if (frozen.code() != 0) {
      throw new IllegalStateException("Node " + n + " was not frozen: " + frozen.output());
    }
  }

  /** Brings killed nodes back, and waits until every node is ready. */
  public void whole() {
    Result up = run(script, "up");
    if (up.code() != 0) {
      throw new IllegalStateException("The test swarm is not whole again: " + up.output());
    }
    // Made again from scratch when it could not be mended: new node ids.
    settings = parse(up.output());
  }

  /** Runs {@code docker args…} against the manager; fails on a non-zero exit. */
  public String docker(String... args) {
    return docker(1, args);
  }

  /** Runs {@code docker args…} against node {@code n}; fails on a non-zero exit. */
  public String docker(int n, String... args) {
    List<String> command =
        new ArrayList<>(List.of("docker", "-H", nodes().get(n - 1).dockerHost()));
    command.addAll(List.of(args));
    Result result = run(command);
    if (result.code() != 0) {
      throw new IllegalStateException(command + " failed: " + result.output());
    }
    return result.output().strip();
  }

  /** Removes the services and containers labelled as tests, on the manager. */
  public void removeTestLeftovers() {
    for (String id :
        docker("service", "ls", "-q", "--filter", "label=allgo.test=true").split("\\s+")) {
      if (!id.isBlank()) {
        docker("service", "rm", id);
      }
    }
    for (String id :
        docker("ps", "-aq", "--filter", "label=" + AdapterFixture.TEST_LABEL + "=true")
            .split("\\s+")) {
      if (!id.isBlank()) {
        docker("rm", "-f", id);
      }
    }
  }

  @Override
  public void close() {
    if (made) {
      run(script, "down");
    }
  }

  private record Result(int code, String output) {}

  private static Result run(Path script, String... args) {
    List<String> command = new ArrayList<>(List.of(script.toString()));
    command.addAll(List.of(args));
    return run(command);
  }

  private static Result run(List<String> command) {
    Commands.Result result = Commands.runDetached(command, Map.of(), Duration.ofMinutes(3));
    return new Result(result.exit(), result.stdout());
  }

  private static Map<String, String> parse(String output) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (String line : output.split("\n")) {
      int equals = line.indexOf('=');
      if (line.startsWith("ALLGO_SWARM_") && equals > 0) {
        settings.put(line.substring(0, equals), line.substring(equals + 1).strip());
      }
    }
    return settings;
  }

  private static Path script() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path script = dir.resolve("bin/lib/swarm.sh");
      if (Files.isExecutable(script)) {
        return script;
      }
    }
    throw new IllegalStateException(
        "bin/lib/swarm.sh not found above " + Path.of("").toAbsolutePath());
  }
}
