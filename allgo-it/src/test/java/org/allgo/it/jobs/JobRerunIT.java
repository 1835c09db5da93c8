package org.allgo.it.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.allgo.it.Api;
import org.allgo.it.Server;
import org.junit.jupiter.api.Test;

/** Running a job again: a new job with the same webapp, parameters, queue and input files only. */
class JobRerunIT extends ToolJobTest {

  @Test
  void aRerunGetsTheInputsButNotTheOutputs() {
    String queue = Jobs.queue(60, 2, 30);
    Api.Response created =
        Jobs.submit(
            devel,
            new Multipart()
                .field("webapp", tool)
                .field("param", "copy in.txt")
                .field("queue", queue)
                .file("files", "in.txt", "hello again\n".getBytes(StandardCharsets.UTF_8)));
    long first = created.json().getJsonNumber("id").longValue();
    Jobs.awaitEnd(devel, first, Duration.ofSeconds(30));

    Api.Response rerun = devel.post("/api/v2/jobs/" + first + "/rerun", null);

    assertThat(rerun.status()).as(rerun.body()).isEqualTo(201);
    JsonObject again = rerun.json();
    long second = again.getJsonNumber("id").longValue();
    assertThat(second).isNotEqualTo(first);
    assertThat(rerun.header("Location")).hasValue(Server.BASE_URL + "/api/v2/jobs/" + second);
    assertThat(again.getString("webapp")).isEqualTo(tool);
    assertThat(again.getString("param")).isEqualTo("copy in.txt");
    assertThat(again.getString("queue")).isEqualTo(queue);
    assertThat(again.getBoolean("notifyByMail")).isFalse();
    assertThat(again.getJsonNumber("inputBytes").longValue()).isEqualTo("hello again\n".length());
    JsonObject ended = Jobs.awaitEnd(devel, second, Duration.ofSeconds(30));
    assertThat(ended.getString("result")).isEqualTo("SUCCESS");
    assertThat(Jobs.file(devel, second, "copy.txt")).isEqualTo("hello again\n");
    assertThat(Jobs.file(devel, second, "allgo.log"))
        .startsWith("copied in.txt\n")
        .containsOnlyOnce("---- allgo ----");
  }

  @Test
  void aJobWithoutFilesRunsAgain() {
    long first = Jobs.run(devel, tool, "args x", null);
    Jobs.awaitEnd(devel, first, Duration.ofSeconds(30));

    Api.Response rerun = devel.post("/api/v2/jobs/" + first + "/rerun", null);

    assertThat(rerun.status()).as(rerun.body()).isEqualTo(201);
    long second = rerun.json().getJsonNumber("id").longValue();
    Jobs.awaitEnd(devel, second, Duration.ofSeconds(30));
    assertThat(Jobs.file(devel, second, "allgo.log")).startsWith("[x]\n");
  }

  @Test
  void someoneElsesJobsAndUnknownOrDeletedJobsAreRefused() {
    long id = Jobs.run(devel, tool, "exit 0", null);
    Jobs.awaitEnd(devel, id, Duration.ofSeconds(30));

    Api.Response guest =
        Api.asDevelopmentUser("guest@localhost").post("/api/v2/jobs/" + id + "/rerun", null);
    assertThat(guest.status()).isEqualTo(404);
    assertThat(guest.header("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(Api.anonymous().post("/api/v2/jobs/" + id + "/rerun", null).status()).isEqualTo(401);
    assertThat(devel.post("/api/v2/jobs/999999999/rerun", null).status()).isEqualTo(404);
    assertThat(devel.delete("/api/v2/jobs/" + id).status()).isEqualTo(204);
    Api.Response deleted = devel.post("/api/v2/jobs/" + id + "/rerun", null);
    assertThat(deleted.status()).isEqualTo(404);
    assertThat(deleted.json().getString("code")).isEqualTo("job-not-found");
  }

  @Test
  void aRunningJobIsNotRunAgain() {
    long id = Jobs.run(devel, tool, "sleep 60", null);
    assertThat(Jobs.awaitState(devel, id, "RUNNING", Duration.ofSeconds(30)).getString("state"))
        .isEqualTo("RUNNING");

    Api.Response refused = devel.post("/api/v2/jobs/" + id + "/rerun", null);

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().getString("code")).isEqualTo("job-running");
    assertThat(Jobs.newest(devel)).isEqualTo(id);
    devel.post("/api/v2/jobs/" + id + "/abort", null);
  }

  @Test
  void anArchivedJobIsGone() {
    String queue = Jobs.queue(60, 2, 0);
    long id = Jobs.run(devel, tool, "exit 0", queue);
    Jobs.awaitEnd(devel, id, Duration.ofSeconds(30));
    Jobs.purge();

    Api.Response refused = devel.post("/api/v2/jobs/" + id + "/rerun", null);

    assertThat(refused.status()).isEqualTo(410);
    assertThat(refused.json().getString("code")).isEqualTo("job-archived");
  }
}
