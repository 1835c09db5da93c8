package org.allgo.it.faults;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.allgo.it.ScriptWebapp;

/**
 * A busybox webapp whose program tells what happened to its job: {@code probe SECONDS EXIT} adds a
 * line to {@code runs.txt} (one line a run: a job run twice shows two), sleeps, writes EXIT to
 * {@code result.txt} and exits with it. Made once a server ({@link ScriptWebapp}).
 */
final class ProbeWebapp {

  static final String PROGRAM = "/usr/local/bin/probe";
  static final String SCRIPT =
      """
      #!/bin/sh
      echo run >> runs.txt || exit 5
      echo "sleeping $1"
      sleep "$1"
      echo "$2" > result.txt || { echo "cannot write result.txt" >&2; exit 5; }
      echo "exiting with $2"
      exit "$2"
      """;

  private static final Map<String, String> MADE = new ConcurrentHashMap<>();

  private ProbeWebapp() {}

  /** The probe webapp of that server, made the first time. */
  static String on(AllgoServer server) {
    return MADE.computeIfAbsent(server.baseUrl(), url -> make(server));
  }

  private static String make(AllgoServer server) {
    return ScriptWebapp.make(
        server.as("devel@localhost"),
        server.engine(),
        server.environment(),
        "probe",
        PROGRAM,
        SCRIPT);
  }
}
