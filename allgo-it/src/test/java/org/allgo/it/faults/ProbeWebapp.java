package org.allgo.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.allgo.connector.testing.Commands;
import org.allgo.it.Api;

/**
 * A busybox webapp whose program tells what happened to its job: {@code probe SECONDS EXIT} adds a
 * line to {@code runs.txt} (one line a run: a job run twice shows two), sleeps, writes EXIT to
 * {@code result.txt} and exits with it. Made once a server, through the API as an author would
 * (sandbox, program, commit), as a fixture no test changes.
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
    Api devel = server.as("devel@localhost");
    String dockerName = "it-probe-" + UUID.randomUUID().toString().substring(0, 8);
    Api.Response created =
        devel.post(
            "/api/v2/webapps",
            Json.createObjectBuilder()
                .add("name", "Probe " + dockerName)
                .add("dockerName", dockerName)
                .add("entrypoint", PROGRAM)
                .add("memoryMb", 16)
                .build()
                .toString());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    Api.Response started =
        devel.post(
            "/api/v2/webapps/" + dockerName + "/sandbox/start", "{\"baseImage\":\"busybox\"}");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    Commands.Result install =
        server
            .engine()
            .run(
                "exec",
                server.environment() + "-user-" + dockerName,
                "sh",
                "-c",
                "mkdir -p /usr/local/bin && printf '%s' \"$0\" > "
                    + PROGRAM
                    + " && chmod 755 "
                    + PROGRAM,
                SCRIPT);
    assertThat(install.exit()).as(install.output()).isZero();
    Api.Response commit =
        devel.post("/api/v2/webapps/" + dockerName + "/versions", "{\"number\":\"1\"}");
    assertThat(commit.status()).as(commit.body()).isEqualTo(202);
    long version = commit.json().getJsonNumber("id").longValue();
    String state =
        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () ->
                    devel
                        .get("/api/v2/webapps/" + dockerName + "/versions/" + version)
                        .json()
                        .getString("state"),
                s -> s.equals("READY") || s.equals("ERROR"));
    assertThat(state).as("version 1 of " + dockerName).isEqualTo("READY");
    devel.post("/api/v2/webapps/" + dockerName + "/sandbox/stop", null);
    return dockerName;
  }
}
