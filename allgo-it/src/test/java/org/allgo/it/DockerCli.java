package org.allgo.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real docker command line, for what a test checks or does on the engine behind the server. */
public final class DockerCli {

  private DockerCli() {}

  /** Runs {@code docker args...}; returns its exit code and combined output. */
  public static Result run(String... args) {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("docker " + String.join(" ", args) + " did not end");
      }
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new IllegalStateException("Could not run docker", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A finished docker command. */
  public record Result(int exitCode, String output) {}
}
