package org.allgo.it.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.allgo.it.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Refused submissions say why, with the right status, and leave no job behind. */
class JobSubmissionIT extends ToolJobTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../escape.txt",
        "dir/file.txt",
        "..",
        "back\\slash",
        "nul\0byte",
        "bell\u0007",
        "tab\there",
        "allgo.log"
      })
  void badFileNamesAreRefused(String name) {
    int before = devel.get("/api/v2/jobs").array().size();

    Api.Response refused =
        Jobs.submit(
            devel,
            new Multipart()
                .field("webapp", tool)
                .field("param", "exit 0")
                .file("files", name, "x".getBytes(StandardCharsets.UTF_8)));

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().getString("code")).isEqualTo("invalid-file-name");
    assertThat(devel.get("/api/v2/jobs").array()).hasSize(before);
  }

  @Test
  void twoFilesOfOneNameAreRefused() {
    Api.Response refused =
        Jobs.submit(
            devel,
            new Multipart()
                .field("webapp", tool)
                .field("param", "exit 0")
                .file("files", "a.txt", new byte[1])
                .file("files", "a.txt", new byte[2]));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().getString("code")).isEqualTo("duplicate-file-name");
  }

  @Test
  void aFileLargerThanTheLimitIs413() {
    JsonObject limits = devel.get("/api/v2/jobs/limits").json();
    long max = limits.getJsonNumber("maxFileBytes").longValue();
    int before = devel.get("/api/v2/jobs").array().size();

    Api.Response refused =
        Jobs.submit(
            devel,
            new Multipart()
                .field("webapp", tool).field("param", "exit 0").stream(
                    "files", "big.bin", () -> Multipart.zeros(max + 1)));

    assertThat(refused.status()).as(refused.body()).isEqualTo(413);
    assertThat(refused.json().getString("code")).isEqualTo("file-too-large");
    assertThat(refused.json().getString("detail")).contains("big.bin");
    assertThat(devel.get("/api/v2/jobs").array()).hasSize(before);
  }

  @Test
  void badParametersAreRefusedWithTheReason() {
    Api.Response refused = Jobs.submit(devel, tool, "args 'unclosed");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().getString("detail")).contains("single quote");
    assertThat(Jobs.submit(devel, tool, "x".repeat(5000)).status()).isEqualTo(400);
  }

  @Test
  void unknownWebappsAndQueuesAreRefused() {
    assertThat(Jobs.submit(devel, "no-such-webapp", "").status()).isEqualTo(404);
    Api.Response queue =
        Jobs.submit(devel, new Multipart().field("webapp", tool).field("queue", "no-such-queue"));
    assertThat(queue.status()).isEqualTo(400);
    assertThat(queue.json().getString("code")).isEqualTo("unknown-queue");
  }

  @Test
  void jobsNeedATokenAndBelongToTheirOwner() {
    assertThat(Jobs.submit(Api.anonymous(), tool, "exit 0").status()).isEqualTo(401);
    long id = Jobs.run(devel, tool, "exit 0", null);
    Api guest = Api.asDevelopmentUser("guest@localhost");

    // Another user's job is answered as one that does not exist.
    Api.Response strangers = guest.get("/api/v2/jobs/" + id);
    Api.Response missing = guest.get("/api/v2/jobs/999999999");
    assertThat(strangers.status()).isEqualTo(404);
    assertThat(strangers.json().getString("code")).isEqualTo(missing.json().getString("code"));
    assertThat(guest.fetch("/datastore/" + id + "/allgo.log").statusCode()).isEqualTo(404);
    assertThat(Api.anonymous().fetch("/datastore/" + id + "/allgo.log").statusCode())
        .isEqualTo(401);
    assertThat(Api.as("not-a-token").fetch("/datastore/" + id + "/allgo.log").statusCode())
        .isEqualTo(401);
    assertThat(guest.get("/api/v2/jobs").body()).doesNotContain("\"id\":" + id + ",");
    assertThat(Api.asDevelopmentUser("admin@localhost").get("/api/v2/jobs/" + id).status())
        .isEqualTo(200);
    assertThat(devel.fetch("/datastore/" + id + "/..%2F..%2Fetc%2Fpasswd").statusCode())
        .isIn(400, 404);
  }

  @Test
  void aWebappWithWaitingOrRunningJobsCannotBeDeleted() {
    long id = Jobs.run(devel, "sleep", "30", null);

    Api.Response whileRunning = devel.delete("/api/v2/webapps/sleep");

    assertThat(whileRunning.status()).as(whileRunning.body()).isEqualTo(409);
    assertThat(whileRunning.json().getString("code")).isEqualTo("webapp-has-jobs");
    devel.post("/api/v2/jobs/" + id + "/abort", null);
  }
}
