package org.allgo.connector.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs programs of the machine (docker, ssh, mariadb, bash) and collects what they print: their
 * output goes to temporary files, so that neither a chatty program nor a silent one blocks.
 */
public final class Commands {

  /** What a finished program gave. */
  public record Result(int exit, String stdout, String stderr) {

    /** All the program printed: its standard output, then its standard error. */
    public String output() {
      return stdout + stderr;
    }

    /** This result; fails when the program did not exit with 0. */
    public Result orFail() {
      if (exit != 0) {
        throw new IllegalStateException("exit " + exit + ": " + stderr + stdout);
      }
      return this;
    }
  }

  /** A started program; its output goes to temporary files. */
  public record Running(Process process, List<String> command, Path out, Path err) {

    /** Waits for the end; kills the program and fails when it outlives {@code timeout}. */
    public Result finish(Duration timeout) {
      try {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException(
              command + " still runs after " + timeout + ": " + output(err) + output(out));
        }
        return new Result(process.exitValue(), output(out), output(err));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted running " + command, e);
      } finally {
        delete(out);
        delete(err);
      }
    }
  }

  private Commands() {}

  /** Runs {@code command} without input; fails when it outlives a minute. */
  public static Result run(String... command) {
    return run(List.of(command), "", Map.of(), Duration.ofSeconds(60));
  }

  /** Runs {@code command} with {@code stdin} as its input. */
  public static Result run(
      List<String> command, String stdin, Map<String, String> env, Duration timeout) {
    Running running = start(command, env);
    try {
      running.process().getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
      running.process().getOutputStream().close();
    } catch (IOException e) {
      // The program ended without reading its input: its result says why.
    }
    return running.finish(timeout);
  }

  /** Starts {@code command} with {@code env} added to this process's environment. */
  public static Running start(List<String> command, Map<String, String> env) {
    try {
      Path out = Files.createTempFile("allgo-test", ".out");
      Path err = Files.createTempFile("allgo-test", ".err");
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().putAll(env);
      return new Running(builder.start(), List.copyOf(command), out, err);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run " + command, e);
    }
  }

  /**
   * Runs a script that may leave daemons behind: its input from /dev/null, its standard output and
   * error together into a file, so that no daemon it starts holds a pipe of this process open; with
   * {@code env} added to this process's environment. The result's stdout is all it printed.
   */
  public static Result runDetached(
      List<String> command, Map<String, String> env, Duration timeout) {
    Path output = null;
    try {
      output = Files.createTempFile("allgo-test", ".out");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      builder.environment().putAll(env);
      Process process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(command + " did not end within " + timeout);
      }
      return new Result(process.exitValue(), output(output), "");
    } catch (IOException e) {
      throw new IllegalStateException("Cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted running " + command, e);
    } finally {
      if (output != null) {
        delete(output);
      }
    }
  }

  private static String output(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A temporary file left behind.
    }
  }
}
