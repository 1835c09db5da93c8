package org.allgo.it.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.allgo.it.Api;
import org.junit.jupiter.api.Test;

/**
 * Two users' jobs one after the other on the same version share nothing: the second sees none of
 * the first's files (its directory, {@code /tmp}), processes or environment, and runs in another
 * container. On a server with warm starts ({@code ALLGO_WARM_ENABLED=true} in {@code
 * allgo.test.server.settings}) both jobs are made to start warm, and the test checks they did.
 */
class JobIsolationIT extends ToolJobTest {

  private static final boolean WARM = Jobs.WARM;

  @Test
  void theSecondUsersJobSeesNothingOfTheFirstUsersJob() {
    Api guest = Api.asDevelopmentUser("guest@localhost");
    String mark = "mark" + UUID.randomUUID().toString().replace("-", "");
    if (WARM) {
      // The tool's first job of this kind may start cold; it warms the pool for the next.
      Jobs.awaitEnd(devel, Jobs.run(devel, tool, "args warm-up", null), Duration.ofSeconds(60));
      Jobs.awaitWarmContainer(tool);
    }
    long first = Jobs.run(devel, tool, "leave " + mark, null);
    JsonObject left = Jobs.awaitEnd(devel, first, Duration.ofSeconds(60));
    String firstLog = Jobs.file(devel, first, "allgo.log");
    assertThat(left.getString("result")).as(firstLog).isEqualTo("SUCCESS");
    assertThat(firstLog).contains("left " + mark);
    if (WARM) {
      assertThat(firstLog).as("started warm").contains("waiter");
      Jobs.awaitWarmContainer(tool);
    }

    long second = Jobs.run(guest, tool, "look", null);
    JsonObject looked = Jobs.awaitEnd(guest, second, Duration.ofSeconds(60));
    String seen = Jobs.file(guest, second, "allgo.log");
    assertThat(looked.getString("result")).as(seen).isEqualTo("SUCCESS");
    assertThat(seen)
        .as("no file, process or variable of the first job")
        .doesNotContain(mark)
        .doesNotContain("sleep 601");
    String firstHost =
        firstLog.lines().filter(l -> l.startsWith("left ")).findFirst().orElseThrow();
    String secondHost = seen.lines().filter(l -> l.startsWith("in ")).findFirst().orElseThrow();
    assertThat(secondHost.substring(3))
        .as("another container")
        .isNotEqualTo(firstHost.substring(firstHost.lastIndexOf(' ') + 1));
    assertThat(guest.get("/api/v2/jobs/" + second + "/files").array().getValuesAs(JsonObject.class))
        .extracting(f -> f.getString("name"))
        .containsExactly("allgo.log");
    if (WARM) {
      assertThat(seen).as("started warm").contains("waiter");
    }
  }
}
