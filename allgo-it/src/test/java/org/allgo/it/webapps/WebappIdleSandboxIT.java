package org.allgo.it.webapps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.allgo.it.Api;
import org.allgo.it.accounts.Mailbox;
import org.allgo.it.faults.FaultServer;
import org.allgo.it.faults.OnFaultServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A sandbox left running past the idle time is stopped by the server's timer and its author is told
 * by mail. Against a server of its own ({@link FaultServer}) whose idle time is seconds, so that
 * the sandboxes of other tests are left alone.
 */
@OnFaultServer
class WebappIdleSandboxIT {

  private final FaultServer server;
  private final Api devel;
  private final String name = Webapps.uniqueDockerName();

  WebappIdleSandboxIT(FaultServer server) {
    this.server = server;
    this.devel = server.asDevelopmentUser("devel@localhost");
  }

  @AfterEach
  void deleteWebapp() {
    devel.delete("/api/v2/webapps/" + name);
    server.engine().run("rm", "-f", server.sandboxName(name));
  }

  @Test
  void aSandboxLeftRunningIsStoppedAndItsAuthorToldByMail() {
    assertThat(Webapps.create(devel, name).status()).isEqualTo(201);
    Api.Response started =
        devel.post("/api/v2/webapps/" + name + "/sandbox/start", "{\"baseImage\":\"busybox\"}");
    assertThat(started.json().getJsonObject("sandbox").getString("state"))
        .as(started.body())
        .isEqualTo("RUNNING");

    JsonObject sandbox =
        await()
            .atMost(Duration.ofMinutes(3))
            .pollInterval(Duration.ofSeconds(1))
            .until(
                () -> devel.get("/api/v2/webapps/" + name).json().getJsonObject("sandbox"),
                s -> !s.getString("state").equals("RUNNING"));

    assertThat(sandbox.getString("state")).isEqualTo("IDLE");
    assertThat(server.engine().run("inspect", server.sandboxName(name)).exit()).isNotZero();
    Mailbox.Mail mail =
        Mailbox.await("devel@localhost", "allgo sandbox of " + name + " stopped", 1);
    assertThat(mail.text())
        .contains("ran for more than " + FaultServer.IDLE_WORDS + " without a new start or commit");
    assertThat(mail.link("/webapps/")).isEqualTo(server.baseUrl() + "/webapps/manage?name=" + name);
  }
}
