package org.allgo.connector.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The docker command line, for what the tests check or clean up beside the adapter. */
public final class DockerCli {

  private DockerCli() {}

  /** Runs {@code docker args…} and returns its standard output; fails on a non-zero exit. */
  public static String run(String... args) {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(Arrays.asList(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(command + " failed: " + output);
      }
      return output.strip();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted running " + command, e);
    }
  }

  /** Removes every container carrying the test label, and every local image of the namespace. */
  public static void removeTestLeftovers(String imagePrefix) {
    for (String id :
        run("ps", "-aq", "--filter", "label=" + AdapterFixture.TEST_LABEL + "=true")
            .split("\\s+")) {
      if (!id.isBlank()) {
        run("rm", "-f", id);
      }
    }
    // By name, never by id: an image of the namespace may also be a base image under another name.
    for (String line :
        run("images", "--digests", "--format", "{{.Repository}} {{.Tag}} {{.Digest}}")
            .split("\n")) {
      String[] image = line.split(" ");
      if (image.length == 3 && image[0].startsWith(imagePrefix)) {
        run(
            "rmi",
            "-f",
            image[1].equals("<none>") ? image[0] + "@" + image[2] : image[0] + ":" + image[1]);
      }
    }
  }
}
