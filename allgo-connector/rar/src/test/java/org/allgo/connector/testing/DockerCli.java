package org.allgo.connector.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The docker command line, for what a test checks or does on the engine beside the code tested. */
public final class DockerCli {

  // A pull or a push may take a while on a busy machine.
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private DockerCli() {}

  /** Runs {@code docker args…}; its exit status and output, whatever the status. */
  public static Commands.Result run(String... args) {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    return Commands.run(command, "", Map.of(), TIMEOUT);
  }

  /**
   * Runs {@code docker args…} and returns its standard output, stripped; fails unless it exits 0.
   */
  public static String output(String... args) {
    return run(args).orFail().stdout().strip();
  }

  /**
   * Removes the containers of {@code environment} that carry the test label, and every local image
   * whose name starts with {@code imagePrefix}. Other environments' containers are left alone:
   * other test runs may share the engine.
   */
  public static void removeTestLeftovers(String environment, String imagePrefix) {
    for (String id :
        output(
                "ps",
                "-aq",
                "--filter",
                "label=" + AdapterFixture.TEST_LABEL + "=true",
                "--filter",
                "label=allgo.env=" + environment)
            .split("\\s+")) {
      if (!id.isBlank()) {
        run("rm", "-f", id);
      }
    }
    // By name, never by id: an image of the namespace may also be a base image under another name.
    for (String line :
        output("images", "--digests", "--format", "{{.Repository}} {{.Tag}} {{.Digest}}")
            .split("\n")) {
      String[] image = line.split(" ");
      if (image.length == 3 && image[0].startsWith(imagePrefix)) {
        output(
            "rmi",
            "-f",
            image[1].equals("<none>") ? image[0] + "@" + image[2] : image[0] + ":" + image[1]);
      }
    }
  }
}
