package org.allgo.it.faults;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.allgo.connector.testing.Commands;

/**
 * A Docker engine of a test's own: a second {@code dockerd} on this machine that nothing else uses,
 * so that a test may stop and start it. It shares the host's network (the registry and its relay
 * answer on loopback) but has a bridge of its own and makes no firewall rule, runs its own
 * containerd under its own namespace, and keeps its data, sockets and state in folders of its own.
 * The machine's engine is never touched: a dockerd without a bridge ({@code --bridge=none}) would
 * delete the {@code docker0} of the network namespace it runs in, here the machine engine's.
 */
public final class PrivateEngine extends Engine {

  private static final Duration START = Duration.ofSeconds(90);
  private static final Duration STOP = Duration.ofSeconds(60);

  private final String name;
  private final Path data;
  private final Path run;
  private final String bridge;

  /**
   * @param name a name of its own (its containerd namespace too)
   * @param data where it keeps images and containers (a real file system: overlay2 needs one)
   */
  PrivateEngine(String name, Path data) {
    this(name, data, Path.of("/run", "allgo-" + name));
  }

  // Sockets and execution state under /run: a unix socket's path has 108 bytes at most.
  private PrivateEngine(String name, Path data, Path run) {
    super(run.resolve("docker.sock").toString());
    this.name = name;
    this.data = data.toAbsolutePath().normalize();
    this.run = run;
    // A link's name has 15 bytes at most.
    this.bridge = "allgo-pe" + Integer.toHexString(name.hashCode() & 0xfffffff);
  }

  /** Starts the engine on its data (an empty one the first time); returns once it answers. */
  public void start() {
    try {
      Files.createDirectories(data);
      Files.createDirectories(run);
      makeBridge();
      new ProcessBuilder(
              "setsid",
              "dockerd",
              "--data-root",
              data.resolve("root").toString(),
              "--exec-root",
              run.resolve("x").toString(),
              "--pidfile",
              pidFile().toString(),
              "-H",
              address(),
              "--bridge=" + bridge,
              "--iptables=false",
              "--ip-forward=false",
              "--ip-masq=false",
              "--containerd-namespace",
              name,
              "--containerd-plugins-namespace",
              name + "-plugins",
              "--log-level",
              "warn")
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("dockerd.log").toFile()))
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start dockerd for " + name, e);
    }
    await("engine " + name + " answering")
        .atMost(START)
        .pollInterval(Duration.ofMillis(250))
        .until(this::answers);
  }

  /**
   * Stops the engine as its service manager would (SIGTERM, then waits for it to end): its
   * containers are stopped with it.
   */
  public void stop() {
    Optional<ProcessHandle> daemon = process();
    if (daemon.isEmpty()) {
      return;
    }
    daemon.get().destroy();
    try {
      daemon.get().onExit().get(STOP.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      daemon.get().destroyForcibly();
      throw new IllegalStateException("dockerd of " + name + " did not stop within " + STOP, e);
    }
  }

  /**
   * Stops the engine and removes everything it made: its containers and images, mounts, folders.
   */
  public void remove() {
    stop();
    unmountUnder(data);
    unmountUnder(run);
    Commands.run("rm", "-rf", data.toString(), run.toString()).orFail();
    Commands.run("ip", "link", "del", bridge);
  }

  // The engine's own bridge, on a private /24 of its own (its containers run without a network).
  private void makeBridge() {
    if (Commands.run("ip", "link", "show", bridge).exit() == 0) {
      return;
    }
    Commands.run("ip", "link", "add", bridge, "type", "bridge").orFail();
    String subnet = "10.254." + Math.floorMod(name.hashCode(), 250) + ".1/24";
    Commands.run("ip", "addr", "add", subnet, "dev", bridge).orFail();
    Commands.run("ip", "link", "set", bridge, "up").orFail();
  }

  /** Copies an image of the machine's engine into this one (base images are made, not pulled). */
  public void load(String image) {
    Commands.Result loaded =
        Commands.run(
            List.of(
                "bash", "-c", "docker save \"$0\" | docker -H \"$1\" load -q", image, address()),
            "",
            Map.of(),
            Duration.ofMinutes(2));
    loaded.orFail();
  }

  private Path pidFile() {
    return run.resolve("docker.pid");
  }

  private Optional<ProcessHandle> process() {
    try {
      if (!Files.exists(pidFile())) {
        return Optional.empty();
      }
      long pid = Long.parseLong(Files.readString(pidFile()).strip());
      return ProcessHandle.of(pid)
          .filter(p -> p.info().command().map(c -> c.endsWith("dockerd")).orElse(false));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  // An engine that was killed leaves its containers' mounts behind.
  private static void unmountUnder(Path root) {
    String prefix = root.toAbsolutePath().toString();
    try {
      List<String> mounts = new ArrayList<>(Files.readAllLines(Path.of("/proc/mounts")));
      Collections.reverse(mounts);
      for (String line : mounts) {
        String point = line.split(" ")[1];
        if (point.equals(prefix) || point.startsWith(prefix + "/")) {
          Commands.run("umount", "-l", point);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
