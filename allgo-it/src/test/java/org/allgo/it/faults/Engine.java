package org.allgo.it.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.allgo.connector.testing.Commands;

/**
 * A Docker engine as the tests reach it, through the docker command line: the machine's shared
 * engine ({@link #HOST}), or one of a test's own ({@link PrivateEngine}).
 */
public class Engine {

  /** The machine's engine, which the server under test and every other test run use. */
  public static final Engine HOST = new Engine(null);

  // A pull or a push may take a while on a busy machine.
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private final String socket;

  /**
   * @param socket the engine's unix socket, null for the docker command line's default
   */
  Engine(String socket) {
    this.socket = socket;
  }

  /** The engine's address as ALLGO_DOCKER_HOST names it. */
  public String address() {
    return socket == null ? "unix:///var/run/docker.sock" : "unix://" + socket;
  }

  /** Runs {@code docker args…} against this engine; its exit status and output. */
  public Commands.Result run(String... args) {
    List<String> command = new ArrayList<>(List.of("docker"));
    if (socket != null) {
      command.addAll(List.of("-H", "unix://" + socket));
    }
    command.addAll(Arrays.asList(args));
    return Commands.run(command, "", Map.of(), TIMEOUT);
  }

  /** {@code docker args…}'s standard output, stripped; fails unless it exits 0. */
  public String output(String... args) {
    return run(args).orFail().stdout().strip();
  }

  /** Whether the engine answers. */
  public boolean answers() {
    return run("version", "--format", "{{.Server.Version}}").exit() == 0;
  }

  /** Removes the images of that repository (every tag and digest) from this engine. */
  public void removeImages(String repository) {
    String ids = output("images", "-q", repository);
    for (String id : ids.isEmpty() ? new String[0] : ids.split("\n")) {
      run("rmi", "-f", id);
    }
  }

  /** The names of the containers, running or not, of that environment and role (job, sandbox). */
  public List<String> containers(String environment, String role) {
    String names =
        output(
            "ps",
            "-a",
            "--filter",
            "label=allgo.env=" + environment,
            "--filter",
            "label=allgo.role=" + role,
            "--format",
            "{{.Names}}");
    return names.isEmpty() ? List.of() : List.of(names.split("\n"));
  }
}
