package org.allgo.it.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.allgo.it.Api;
import org.junit.jupiter.api.Test;

/**
 * A job's allgo.log read in portions: whole lines, exact offsets, ended once the footer is there.
 */
class JobLogIT extends ToolJobTest {

  @Test
  void anEndedJobsLogIsReadWholeThenFromItsEnd() {
    long id = Jobs.run(devel, tool, "args a b", null);
    Jobs.awaitEnd(devel, id, Duration.ofSeconds(30));
    String file = Jobs.file(devel, id, "allgo.log");

    JsonObject whole = devel.get("/api/v2/jobs/" + id + "/log").json();

    assertThat(whole.getString("text"))
        .isEqualTo(file)
        .startsWith("[a]\n[b]\n")
        .contains("result:    SUCCESS");
    assertThat(whole.getJsonNumber("offset").longValue()).isZero();
    assertThat(whole.getJsonNumber("next").longValue()).isEqualTo(file.length());
    assertThat(whole.getBoolean("ended")).isTrue();
    JsonObject after = devel.get("/api/v2/jobs/" + id + "/log?from=" + file.length()).json();
    assertThat(after.getString("text")).isEmpty();
    assertThat(after.getBoolean("ended")).isTrue();
    assertThat(devel.get("/api/v2/jobs/" + id + "/log?from=4").json().getString("text"))
        .startsWith("[b]\n");
  }

  @Test
  void aRunningJobsLogHasTheLinesWrittenSoFar() {
    long id = Jobs.run(devel, tool, "count 10", null);

    JsonObject early =
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(250))
            .until(
                () -> devel.get("/api/v2/jobs/" + id + "/log").json(),
                log -> !log.getString("text").isEmpty());

    // The program prints a line a second for ten seconds: it is still running.
    assertThat(Jobs.get(devel, id).getString("state")).isEqualTo("RUNNING");
    assertThat(early.getString("text")).startsWith("line 1\n").doesNotContain("---- allgo ----");
    assertThat(early.getBoolean("ended")).isFalse();
    assertThat(devel.get("/api/v2/jobs/" + id + "/files").body())
        .contains("\"name\":\"allgo.log\"");
    assertThat(Jobs.file(devel, id, "allgo.log"))
        .startsWith("line 1\n")
        .doesNotContain("---- allgo ----");
    JsonObject rest =
        devel.get("/api/v2/jobs/" + id + "/log?from=" + early.getJsonNumber("next")).json();
    assertThat(rest.getJsonNumber("offset")).isEqualTo(early.getJsonNumber("next"));
    Jobs.awaitEnd(devel, id, Duration.ofSeconds(30));
    JsonObject last =
        devel.get("/api/v2/jobs/" + id + "/log?from=" + early.getJsonNumber("next")).json();
    assertThat(early.getString("text") + last.getString("text"))
        .isEqualTo(Jobs.file(devel, id, "allgo.log"));
    assertThat(last.getBoolean("ended")).isTrue();
  }

  @Test
  void aTailStartsAtALine() {
    long id = Jobs.run(devel, tool, "args first second", null);
    Jobs.awaitEnd(devel, id, Duration.ofSeconds(30));
    String file = Jobs.file(devel, id, "allgo.log");

    JsonObject tail = devel.get("/api/v2/jobs/" + id + "/log?from=-20").json();

    String text = tail.getString("text");
    assertThat(file).endsWith(text);
    assertThat(text.length()).isLessThanOrEqualTo(20);
    assertThat(file.charAt(file.length() - text.length() - 1)).isEqualTo('\n');
  }

  @Test
  void onlyTheOwnerReadsTheLog() {
    long id = Jobs.run(devel, tool, "exit 0", null);

    assertThat(Api.asDevelopmentUser("guest@localhost").get("/api/v2/jobs/" + id + "/log").status())
        .isEqualTo(404);
    assertThat(Api.anonymous().get("/api/v2/jobs/" + id + "/log").status()).isEqualTo(401);
    assertThat(devel.get("/api/v2/jobs/999999999/log").status()).isEqualTo(404);
    assertThat(devel.get("/api/v2/jobs/" + id + "/log?from=x").status()).isIn(400, 404);
  }
}
