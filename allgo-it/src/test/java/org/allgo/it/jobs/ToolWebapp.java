package org.allgo.it.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import java.time.Duration;
import java.util.UUID;
import org.allgo.connector.testing.Commands;
import org.allgo.connector.testing.DockerCli;
import org.allgo.it.Api;
import org.allgo.it.Server;

/**
 * A busybox webapp made through the API as an author would (sandbox, program, commit), whose
 * program does what its first argument says; 16 MiB of memory. Made once for the job tests, as a
 * fixture that no test changes.
 */
final class ToolWebapp {

  static final String PROGRAM = "/usr/local/bin/tool";
  // eat: the shell outlives its killed pipe by a second, as a program would; Docker 20.10 marks a
  // container OOM-killed only when its engine hears the kill before the container's exit.
  // write, print: a MiB at a time into a file, or at once to stdout, then linger, as a runaway
  // program would; filltmp: until /tmp is full.
  static final String SCRIPT =
      """
      #!/bin/sh
      cmd=$1; shift
      case "$cmd" in
        args) for a in "$@"; do printf '[%s]\\n' "$a"; done ;;
        exit) echo "exiting with $1"; echo "oops" >&2; exit "$1" ;;
        sleep) echo "sleeping $1"; sleep "$1"; echo "done" ;;
        sleepexit) echo "sleeping $1"; sleep "$1"; echo "exiting with $2"; exit "$2" ;;
        count) i=1; while [ "$i" -le "$1" ]; do echo "line $i"; i=$((i + 1)); sleep 1; done ;;
        eat) echo "eating"; head -c 100m /dev/zero | tail; sleep 1; echo "still alive" ;;
        copy) cat "$1" > copy.txt; echo "copied $1" ;;
        id) id; ls /sys/class/net ;;
        write) i=0; while [ "$i" -lt "$1" ]; do dd if=/dev/zero bs=1M count=1 2>/dev/null >> big; i=$((i + 1)); sleep 0.1; done; echo "wrote $1 MiB"; sleep 30; echo "done" ;;
        print) head -c "$(($1 * 1048576))" /dev/zero | tr '\\0' y; echo; echo "printed $1 MiB"; sleep 30; echo "done" ;;
        filltmp) echo "filling /tmp"; dd if=/dev/zero of=/tmp/fill bs=1M ;;
        *) echo "unknown command $cmd" >&2; exit 2 ;;
      esac
      """;

  private static String name;

  private ToolWebapp() {}

  static synchronized String name() {
    if (name == null) {
      name = make();
    }
    return name;
  }

  private static String make() {
    Api devel = Api.asDevelopmentUser("devel@localhost");
    String dockerName = "it-tool-" + UUID.randomUUID().toString().substring(0, 8);
    Api.Response created =
        devel.post(
            "/api/v2/webapps",
            Json.createObjectBuilder()
                .add("name", "Tool " + dockerName)
                .add("dockerName", dockerName)
                .add("entrypoint", PROGRAM)
                .add("memoryMb", 16)
                .build()
                .toString());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(
            devel
                .post(
                    "/api/v2/webapps/" + dockerName + "/sandbox/start",
                    "{\"baseImage\":\"busybox\"}")
                .status())
        .isEqualTo(200);
    Commands.Result install =
        DockerCli.run(
            "exec",
            Server.ENVIRONMENT + "-user-" + dockerName,
            "sh",
            "-c",
            "mkdir -p /usr/local/bin && printf '%s' \"$0\" > "
                + PROGRAM
                + " && chmod 755 "
                + PROGRAM,
            SCRIPT);
    assertThat(install.exit()).as(install.output()).isZero();
    long version =
        devel
            .post("/api/v2/webapps/" + dockerName + "/versions", "{\"number\":\"1\"}")
            .json()
            .getJsonNumber("id")
            .longValue();
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                devel
                    .get("/api/v2/webapps/" + dockerName + "/versions/" + version)
                    .json()
                    .getString("state"),
            state -> state.equals("READY") || state.equals("ERROR"));
    devel.post("/api/v2/webapps/" + dockerName + "/sandbox/stop", null);
    return dockerName;
  }
}
