package org.allgo.it.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.allgo.connector.testing.Commands;
import org.allgo.it.Api;
import org.allgo.it.faults.FaultServer;
import org.allgo.it.faults.OnFaultServer;
import org.allgo.it.faults.RegistryRelay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A commit whose push does not reach the registry, or whose image the registry does not hold once
 * pushed, ends in ERROR with its reason, and the READY version stays the one jobs run. Against a
 * server of its own ({@link FaultServer}) whose registry is behind a relay the test switches: the
 * other tests keep theirs.
 */
@OnFaultServer
class WebappRegistryIT {

  private final FaultServer server;
  private final Api devel;
  private final String name = Webapps.uniqueDockerName();

  WebappRegistryIT(FaultServer server) {
    this.server = server;
    this.devel = server.asDevelopmentUser("devel@localhost");
  }

  @BeforeEach
  void createWebapp() {
    assertThat(Webapps.create(devel, name).status()).isEqualTo(201);
  }

  @AfterEach
  void deleteWebapp() {
    server.relay().switchTo(RegistryRelay.Mode.OPEN);
    devel.delete("/api/v2/webapps/" + name);
    server.engine().run("rm", "-f", server.sandboxName(name));
  }

  @Test
  void aPushToAnUnreachableRegistryFailsAndTheReadyVersionStaysInUse() {
    start("{\"baseImage\":\"busybox\"}");
    install("#!/bin/sh\necho \"one $1\"\n");
    long ready = Webapps.commit(devel, name, "1.0");
    assertThat(Webapps.awaitCommit(devel, name, ready).getString("state")).isEqualTo("READY");
    String published = Webapps.registryDigest(server.environment(), name, "1.0").orElseThrow();

    // The author changes the program and commits the same number again while the registry is down.
    start("{\"version\":\"1.0\"}");
    install("#!/bin/sh\necho \"two $1\"\n");
    server.relay().switchTo(RegistryRelay.Mode.UNREACHABLE);
    long failing = Webapps.commit(devel, name, "1.0");
    JsonObject failed = Webapps.awaitCommit(devel, name, failing);

    assertThat(failed.getString("state")).isEqualTo("ERROR");
    assertThat(failed.getString("errorReason"))
        .startsWith("push failed: ")
        .contains(server.repository(name) + ":1.0")
        .contains("connection refused");
    JsonObject execution =
        server
            .asDevelopmentUser("admin@localhost")
            .get("/api/v2/admin/batch/executions/" + failed.getJsonNumber("batchExecutionId"))
            .json();
    assertThat(execution.getString("status")).isEqualTo("FAILED");
    assertThat(execution.getString("exitStatus")).isEqualTo(failed.getString("errorReason"));
    assertThat(
            devel.get("/api/v2/webapps/" + name + "/versions/" + ready).json().getString("state"))
        .isEqualTo("READY");
    assertThat(devel.get("/api/v2/webapps/" + name).json().getString("defaultVersion"))
        .isEqualTo("1.0");
    Webapps.JobRun job = Webapps.runJob(devel, name, "jobs");
    assertThat(job.job().getString("version")).isEqualTo("1.0");
    assertThat(job.log()).contains("one jobs").doesNotContain("two");
    server.relay().switchTo(RegistryRelay.Mode.OPEN);
    assertThat(Webapps.registryDigest(server.environment(), name, "1.0")).contains(published);
  }

  @Test
  void aVersionTheRegistryDoesNotHoldAfterThePushIsNotReady() {
    start("{\"baseImage\":\"busybox\"}");
    install("#!/bin/sh\necho \"one $1\"\n");
    server.relay().switchTo(RegistryRelay.Mode.FORGETFUL);

    JsonObject version = Webapps.awaitCommit(devel, name, Webapps.commit(devel, name, "1"));

    assertThat(version.getString("state")).isEqualTo("ERROR");
    assertThat(version.getString("errorReason"))
        .startsWith("publish failed: ")
        .contains("does not hold " + server.repository(name) + ":1");
    assertThat(devel.get("/api/v2/webapps/" + name).json()).doesNotContainKey("defaultVersion");
    // The push went through: only the server's check of the registry found nothing.
    assertThat(Webapps.registryDigest(server.environment(), name, "1")).isPresent();
  }

  private void start(String from) {
    Api.Response started = devel.post("/api/v2/webapps/" + name + "/sandbox/start", from);
    assertThat(started.status()).as(started.body()).isEqualTo(200);
  }

  private void install(String program) {
    Commands.Result install = Webapps.installIn(server.engine(), server.sandboxName(name), program);
    assertThat(install.exit()).as(install.output()).isZero();
  }
}
