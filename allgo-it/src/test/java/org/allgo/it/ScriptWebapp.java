package org.allgo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import java.time.Duration;
import java.util.UUID;
import org.allgo.connector.testing.Commands;
import org.allgo.it.faults.Engine;

/**
 * A busybox webapp whose program is a shell script, made through the API as an author would: its
 * sandbox started, the script installed in it as over SSH, version 1 committed and READY, the
 * sandbox stopped; 16 MiB of memory. The tests' fixtures that no test changes.
 */
public final class ScriptWebapp {

  private ScriptWebapp() {}

  /**
   * Makes the webapp {@code it-<kind>-…} as {@code devel}, its sandbox on {@code engine} (that of
   * the server of {@code environment}), {@code script} installed as {@code program}; its docker
   * name.
   */
  public static String make(
      Api devel, Engine engine, String environment, String kind, String program, String script) {
    String dockerName = "it-" + kind + "-" + UUID.randomUUID().toString().substring(0, 8);
    Api.Response created =
        devel.post(
            "/api/v2/webapps",
            Json.createObjectBuilder()
                .add(
                    "name",
                    Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + " " + dockerName)
                .add("dockerName", dockerName)
                .add("entrypoint", program)
                .add("memoryMb", 16)
                .build()
                .toString());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    Api.Response started =
        devel.post(
            "/api/v2/webapps/" + dockerName + "/sandbox/start", "{\"baseImage\":\"busybox\"}");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    Commands.Result install = install(engine, environment + "-user-" + dockerName, program, script);
    assertThat(install.exit()).as(install.output()).isZero();
    Api.Response commit =
        devel.post("/api/v2/webapps/" + dockerName + "/versions", "{\"number\":\"1\"}");
    assertThat(commit.status()).as(commit.body()).isEqualTo(202);
    long version = commit.json().getJsonNumber("id").longValue();
    assertThat(committed(devel, dockerName, version))
        .as("version 1 of " + dockerName)
        .isEqualTo("READY");
    devel.post("/api/v2/webapps/" + dockerName + "/sandbox/stop", null);
    return dockerName;
  }

  /** Waits, two minutes at most, for the end of a version's commit: READY or ERROR. */
  public static String committed(Api devel, String dockerName, long version) {
    return await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                devel
                    .get("/api/v2/webapps/" + dockerName + "/versions/" + version)
                    .json()
                    .getString("state"),
            s -> s.equals("READY") || s.equals("ERROR"));
  }

  /**
   * What an author does over SSH: installs {@code script} as the executable {@code program} in the
   * running sandbox container of that name on {@code engine}.
   */
  public static Commands.Result install(
      Engine engine, String sandbox, String program, String script) {
    return engine.run(
        "exec",
        sandbox,
        "sh",
        "-c",
        "mkdir -p /usr/local/bin && printf '%s' \"$0\" > " + program + " && chmod 755 " + program,
        script);
  }
}
