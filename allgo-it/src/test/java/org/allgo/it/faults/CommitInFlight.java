package org.allgo.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.allgo.it.AllgoScript;
import org.allgo.it.Api;
import org.allgo.it.ScriptWebapp;

/**
 * A version being committed when the server is killed: its test job (the probe program, sleeping
 * for minutes) holds the commit in its check step. After the restart, its commit is over: the
 * version is ERROR and says why, the test job's container and working directory are gone, and the
 * same number commits again once the test job is short.
 */
final class CommitInFlight {

  private static final String NUMBER = "2";

  private final AllgoServer server;
  private final String webapp;
  private final long version;

  private CommitInFlight(AllgoServer server, String webapp, long version) {
    this.server = server;
    this.webapp = webapp;
    this.version = version;
  }

  /** Commits version 2 of a new probe webapp; returns once its test job runs. */
  static CommitInFlight start(AllgoServer server) {
    Api devel = server.as("devel@localhost");
    String webapp =
        ScriptWebapp.make(
            devel,
            server.engine(),
            server.environment(),
            "commit",
            ProbeWebapp.PROGRAM,
            ProbeWebapp.SCRIPT);
    assertThat(testParam(devel, webapp, "600 0").status()).isEqualTo(200);
    startSandbox(devel, webapp);
    Api.Response commit =
        devel.post("/api/v2/webapps/" + webapp + "/versions", "{\"number\":\"" + NUMBER + "\"}");
    assertThat(commit.status()).as(commit.body()).isEqualTo(202);
    CommitInFlight inFlight =
        new CommitInFlight(server, webapp, commit.json().getJsonNumber("id").longValue());
    await("the test job of version " + NUMBER + " running")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                Files.isDirectory(inFlight.testRun())
                    && !inFlight
                        .server
                        .engine()
                        .containers(server.environment(), "check")
                        .isEmpty());
    assertThat(inFlight.version(devel).getString("state")).isEqualTo("COMMITTED");
    return inFlight;
  }

  /** After the restart: the commit ended with the reason, nothing left, the number free again. */
  void assertEndedAndCommittable() {
    Api devel = server.as("devel@localhost");
    JsonObject ended = version(devel);
    assertThat(ended.getString("state")).as(ended.toString()).isEqualTo("ERROR");
    assertThat(ended.getString("errorReason")).contains("stopped before the commit ended");
    assertThat(server.engine().containers(server.environment(), "check")).isEmpty();
    assertThat(testRun()).doesNotExist();

    assertThat(testParam(devel, webapp, "0 0").status()).isEqualTo(200);
    // A server with a short idle time (the fault server's) may have stopped the sandbox meanwhile.
    if (!devel
        .get("/api/v2/webapps/" + webapp)
        .json()
        .getJsonObject("sandbox")
        .getString("state")
        .equals("RUNNING")) {
      startSandbox(devel, webapp);
    }
    Api.Response again =
        devel.post("/api/v2/webapps/" + webapp + "/versions", "{\"number\":\"" + NUMBER + "\"}");
    assertThat(again.status()).as(again.body()).isEqualTo(202);
    long id = again.json().getJsonNumber("id").longValue();
    assertThat(ScriptWebapp.committed(devel, webapp, id)).isEqualTo("READY");
    devel.delete("/api/v2/webapps/" + webapp);
  }

  // The test job's working directory, a copy of the test files, in the server's datastore.
  private Path testRun() {
    return AllgoScript.root()
        .toPath()
        .resolve("var/" + server.environment() + "/rw/datastore/test-version-" + version);
  }

  private JsonObject version(Api devel) {
    return devel.get("/api/v2/webapps/" + webapp + "/versions/" + version).json();
  }

  private static void startSandbox(Api devel, String webapp) {
    Api.Response started =
        devel.post("/api/v2/webapps/" + webapp + "/sandbox/start", "{\"version\":\"1\"}");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
  }

  private static Api.Response testParam(Api devel, String webapp, String param) {
    return devel.put("/api/v2/webapps/" + webapp + "/test", "{\"param\":\"" + param + "\"}");
  }
}
