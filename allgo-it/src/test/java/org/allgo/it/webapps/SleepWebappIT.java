package org.allgo.it.webapps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.allgo.connector.testing.Commands;
import org.allgo.it.Api;
import org.junit.jupiter.api.Test;

/** The development webapp `sleep` of devel@localhost is ready to run after start-up. */
class SleepWebappIT {

  @Test
  void sleepHasAReadyVersionWhoseProgramSleepsAndWrites() {
    JsonObject sleep =
        await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofSeconds(1))
            .until(
                () -> Api.anonymous().get("/api/v2/webapps/sleep").json(),
                w -> w.containsKey("defaultVersion"));

    // Strangers see the owner's name, not the account's address (the contact address is the one
    // the author chose to publish).
    assertThat(sleep.getString("owner")).isEqualTo("Devel");
    assertThat(sleep.containsKey("ownerEmail")).as(sleep.toString()).isFalse();
    assertThat(sleep.getString("defaultVersion")).isEqualTo("1.0");
    String image = Webapps.repository("sleep") + ":1.0";
    Commands.Result run =
        Webapps.runTestContainer(
            "--user", "65534:65534", "--workdir", "/tmp", image, "/usr/local/bin/allgo-sleep", "1");
    assertThat(run.output()).isEqualTo("sleeping 1 seconds\ndone\n");
  }
}
