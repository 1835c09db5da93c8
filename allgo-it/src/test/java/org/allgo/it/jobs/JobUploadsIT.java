package org.allgo.it.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.allgo.it.Api;
import org.allgo.it.Server;
import org.junit.jupiter.api.Test;

/** Files uploaded ahead, then a job submitted as JSON that takes them. */
class JobUploadsIT extends ToolJobTest {

  private static Api.Response submit(Api api, String param, String... uploadsAndNames) {
    JsonArrayBuilder files = Json.createArrayBuilder();
    for (int i = 0; i < uploadsAndNames.length; i += 2) {
      var file = Json.createObjectBuilder().add("upload", uploadsAndNames[i]);
      if (uploadsAndNames[i + 1] != null) {
        file.add("name", uploadsAndNames[i + 1]);
      }
      files.add(file);
    }
    return api.post(
        "/api/v2/jobs",
        Json.createObjectBuilder()
            .add("webapp", tool)
            .add("param", param)
            .add("notify", false)
            .add("files", files)
            .build()
            .toString());
  }

  @Test
  void uploadedFilesGoIntoTheJobThatNamesThem() {
    Api.Response created = Jobs.upload(devel, "data.txt", "uploaded ahead\n");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonObject upload = created.json();
    String id = upload.getString("id");
    assertThat(id).matches("[0-9a-f]{32}");
    assertThat(upload.getString("name")).isEqualTo("data.txt");
    assertThat(upload.getJsonNumber("size").longValue()).isEqualTo(15);
    assertThat(Instant.parse(upload.getString("expiresAt")))
        .isAfter(Instant.now().plus(Duration.ofHours(1)));
    assertThat(created.header("Location")).hasValue(Server.BASE_URL + "/api/v2/uploads/" + id);
    assertThat(devel.get("/api/v2/uploads").body()).contains(id);
    String other = Jobs.uploaded(devel, "kept-name.txt", "second\n");

    Api.Response job = submit(devel, "copy in.txt", id, "in.txt", other, null);

    assertThat(job.status()).as(job.body()).isEqualTo(201);
    long jobId = job.json().getJsonNumber("id").longValue();
    assertThat(job.json().getJsonNumber("inputBytes").longValue()).isEqualTo(22);
    assertThat(job.header("Location")).hasValue(Server.BASE_URL + "/api/v2/jobs/" + jobId);
    assertThat(Jobs.awaitEnd(devel, jobId, Duration.ofSeconds(30)).getString("result"))
        .isEqualTo("SUCCESS");
    assertThat(Jobs.file(devel, jobId, "copy.txt")).isEqualTo("uploaded ahead\n");
    assertThat(Jobs.file(devel, jobId, "kept-name.txt")).isEqualTo("second\n");
    assertThat(devel.get("/api/v2/uploads").body()).doesNotContain(id).doesNotContain(other);
    Api.Response rerun = devel.post("/api/v2/jobs/" + jobId + "/rerun", null);
    assertThat(rerun.json().getJsonNumber("inputBytes").longValue()).isEqualTo(22);
  }

  @Test
  void anUploadIsTakenOnce() {
    String id = Jobs.uploaded(devel, "once.txt", "x");
    assertThat(submit(devel, "exit 0", id, null).status()).isEqualTo(201);
    long newest = Jobs.newest(devel);

    Api.Response twice = submit(devel, "exit 0", id, null);

    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().getString("code")).isEqualTo("upload-used");
    assertThat(Jobs.newest(devel)).isEqualTo(newest);
  }

  @Test
  void someoneElsesUploadsAreNotFound() {
    String id = Jobs.uploaded(devel, "mine.txt", "x");
    Api guest = Api.asDevelopmentUser("guest@localhost");

    Api.Response taken = submit(guest, "exit 0", id, null);

    assertThat(taken.status()).isEqualTo(404);
    assertThat(taken.json().getString("code")).isEqualTo("upload-not-found");
    assertThat(guest.get("/api/v2/uploads/" + id).status()).isEqualTo(404);
    assertThat(guest.delete("/api/v2/uploads/" + id).status()).isEqualTo(404);
    assertThat(devel.get("/api/v2/uploads/" + id).json().getString("name")).isEqualTo("mine.txt");
    assertThat(submit(devel, "exit 0", "0123456789abcdef0123456789abcdef", null).status())
        .isEqualTo(404);
    assertThat(Api.anonymous().get("/api/v2/uploads").status()).isEqualTo(401);
  }

  @Test
  void aDeletedUploadIsGone() {
    String id = Jobs.uploaded(devel, "gone.txt", "x");

    assertThat(devel.delete("/api/v2/uploads/" + id).status()).isEqualTo(204);

    assertThat(devel.get("/api/v2/uploads/" + id).status()).isEqualTo(404);
    assertThat(submit(devel, "exit 0", id, null).status()).isEqualTo(404);
  }

  @Test
  void anUploadIsOneFileWithAGoodName() {
    Multipart two = new Multipart().file("a", "a.txt", new byte[1]).file("b", "b.txt", new byte[1]);
    Multipart none = new Multipart().field("name", "value");

    assertThat(
            devel.post("/api/v2/uploads", two.contentType(), two.body()).json().getString("code"))
        .isEqualTo("one-file");
    assertThat(devel.post("/api/v2/uploads", none.contentType(), none.body()).status())
        .isEqualTo(400);
    assertThat(Jobs.upload(devel, "../escape.txt", "x").json().getString("code"))
        .isEqualTo("invalid-file-name");
  }

  @Test
  void uploadsAreLimitedAsAJobsFilesAre() {
    long max = devel.get("/api/v2/jobs/limits").json().getJsonNumber("maxFileBytes").longValue();
    int waiting = devel.get("/api/v2/uploads").array().size();
    Multipart big = new Multipart().stream("file", "big.bin", () -> Multipart.zeros(max + 1));

    Api.Response tooLarge = devel.post("/api/v2/uploads", big.contentType(), big.body());

    assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(413);
    assertThat(tooLarge.json().getString("code")).isEqualTo("file-too-large");
    assertThat(devel.get("/api/v2/uploads").array()).hasSize(waiting);
  }

  @Test
  void aUserHasAtMostAJobsNumberOfFilesWaiting() {
    Api guest = Api.asDevelopmentUser("guest@localhost");
    int maxFiles = guest.get("/api/v2/jobs/limits").json().getInt("maxFiles");
    List<String> ids = new ArrayList<>();
    try {
      for (int i = guest.get("/api/v2/uploads").array().size(); i < maxFiles; i++) {
        ids.add(Jobs.uploaded(guest, "f" + i + ".txt", "x"));
      }

      Api.Response refused = Jobs.upload(guest, "one-more.txt", "x");

      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.json().getString("code")).isEqualTo("too-many-uploads");
    } finally {
      ids.forEach(id -> guest.delete("/api/v2/uploads/" + id));
    }
  }

  @Test
  void badJsonSubmissionsSayWhy() {
    String id = Jobs.uploaded(devel, "twice.txt", "x");

    assertThat(submit(devel, "exit 0", id, "a.txt", id, "b.txt").json().getString("code"))
        .isEqualTo("duplicate-upload");
    assertThat(
            devel
                .post("/api/v2/jobs", "{\"webapp\":\"" + tool + "\",\"files\":[{\"name\":\"x\"}]}")
                .json()
                .getString("code"))
        .isEqualTo("upload-missing");
    assertThat(devel.post("/api/v2/jobs", "{\"webapp\":").status()).isEqualTo(400);
    assertThat(devel.post("/api/v2/jobs", "{\"webapp\":\"no-such-webapp\"}").status())
        .isEqualTo(404);
    Api.Response plain =
        devel.post("/api/v2/jobs", "text/plain", HttpRequest.BodyPublishers.ofString("webapp=x"));
    assertThat(plain.status()).isEqualTo(415);
    assertThat(plain.header("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(devel.get("/api/v2/uploads/" + id).status()).as("still waiting").isEqualTo(200);
  }
}
