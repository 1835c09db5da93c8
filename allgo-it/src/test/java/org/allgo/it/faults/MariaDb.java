package org.allgo.it.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.allgo.it.AllgoScript;

/**
 * The MariaDB server that {@code bin/allgo} started for the server under test (its process id in
 * {@code var/run/mariadb.pid}), which a test may stop and start again with the same settings
 * ({@code bin/allgo services}). Only the black-box tests use it while they run, one class at a
 * time.
 */
final class MariaDb {

  private final Map<String, String> settings;

  MariaDb(Map<String, String> settings) {
    this.settings = settings;
  }

  /** Stops it as its service manager would (SIGTERM) and waits for its end. */
  void stop() {
    ProcessHandle server =
        ProcessHandle.of(pid())
            .filter(p -> p.info().command().map(c -> c.endsWith("mariadbd")).orElse(false))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "No MariaDB started by bin/allgo runs (var/run/mariadb.pid): the test"
                            + " stops only the one of the test run"));
    server.destroy();
    try {
      server.onExit().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("MariaDB did not stop within a minute", e);
    }
  }

  /** Starts it again with the server's settings (port, accounts), as {@code bin/allgo} does. */
  void start() {
    AllgoScript.run("services", settings);
  }

  private static long pid() {
    Path file = AllgoScript.root().toPath().resolve("var/run/mariadb.pid");
    try {
      return Long.parseLong(Files.readString(file).strip());
    } catch (IOException | NumberFormatException e) {
      throw new IllegalStateException(
          "No MariaDB started by bin/allgo (" + file + "): the test stops only the test run's", e);
    }
  }
}
