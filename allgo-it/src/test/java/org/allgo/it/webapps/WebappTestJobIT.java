package org.allgo.it.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.allgo.it.Api;
import org.allgo.it.Server;
import org.allgo.it.jobs.Multipart;
import org.junit.jupiter.api.Test;

/**
 * A webapp's test job: every commit runs it in the new image as a job runs, and a version whose
 * test job fails ends ERROR with the end of its log, never pushed; only the webapp's managers see
 * or change it, and bad input changes nothing.
 */
class WebappTestJobIT extends NewWebappTest {

  /** Passes only when its argument names a file that holds "hello". */
  private static final String PROGRAM =
      "#!/bin/sh\n[ \"$(cat \"$1\")\" = hello ] || { echo \"$1 holds $(cat \"$1\")\"; exit 2; }\n"
          + "echo fine\n";

  @Test
  void aVersionIsReadyOnlyWhenItsTestJobPasses() {
    Api.Response started =
        devel.post("/api/v2/webapps/" + name + "/sandbox/start", "{\"baseImage\":\"busybox\"}");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    assertThat(Webapps.install(name, PROGRAM).exit()).isZero();
    assertThat(setParam("in.txt").status()).isEqualTo(200);
    assertThat(upload("in.txt", "bye").status()).isEqualTo(200);

    JsonObject failed = Webapps.awaitCommit(devel, name, Webapps.commit(devel, name, "1"));

    assertThat(failed.getString("state")).isEqualTo("ERROR");
    assertThat(failed.getString("errorReason"))
        .contains("The test job ended with exit code 2")
        .contains("in.txt holds bye");
    assertThat(Webapps.registryDigest(Server.ENVIRONMENT, name, "1")).isEmpty();

    assertThat(upload("in.txt", "hello").status()).isEqualTo(200);
    JsonObject passed = Webapps.awaitCommit(devel, name, Webapps.commit(devel, name, "2"));

    assertThat(passed.getString("state")).as(passed.toString()).isEqualTo("READY");
    assertThat(Webapps.registryDigest(Server.ENVIRONMENT, name, "2")).isPresent();
    Path kept =
        Path.of(
            System.getProperty("allgo.root", ".."),
            "var",
            Server.ENVIRONMENT,
            "rw",
            "webapp-tests",
            name);
    assertThat(kept.resolve("in.txt")).hasContent("hello");
    assertThat(devel.delete("/api/v2/webapps/" + name).status()).isEqualTo(204);
    assertThat(kept).as("a deleted webapp's test files go with it").doesNotExist();
  }

  @Test
  void onlyTheWebappsManagersSeeOrChangeItsTestJob() {
    assertThat(setParam("a").status()).isEqualTo(200);
    Api guest = Api.asDevelopmentUser("guest@localhost");
    String path = "/api/v2/webapps/" + name + "/test";

    assertThat(guest.get(path).status()).isEqualTo(404);
    assertThat(guest.put(path, "{\"param\":\"b\"}").status()).isEqualTo(404);
    assertThat(guest.delete(path).status()).isEqualTo(404);
    assertThat(Api.anonymous().get(path).status()).isEqualTo(401);
    Multipart form = new Multipart().file("files", "x.txt", new byte[1]);
    Api.Response upload = guest.post(path + "/files", form.contentType(), form.body());
    assertThat(upload.status()).isEqualTo(404);

    JsonObject seen = devel.get(path).json();
    assertThat(seen.getString("param")).isEqualTo("a");
    assertThat(seen.getJsonArray("files")).isEmpty();
  }

  @Test
  void badInputIsRefusedAndChangesNothing() {
    assertThat(setParam("in.txt").status()).isEqualTo(200);
    assertThat(upload("in.txt", "hello").status()).isEqualTo(200);
    String path = "/api/v2/webapps/" + name + "/test";
    JsonObject before = devel.get(path).json();

    Api.Response unbalanced = devel.put(path, "{\"param\":\"a 'b\"}");
    Api.Response separator = upload("../in.txt", "bye");
    Multipart large =
        new Multipart()
            .file("files", "ok.txt", new byte[1]).stream(
                "files", "big.bin", () -> Multipart.zeros((16L << 20) + 1));
    Api.Response tooLarge = devel.post(path + "/files", large.contentType(), large.body());

    assertThat(unbalanced.status()).as(unbalanced.body()).isEqualTo(400);
    assertThat(unbalanced.header("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(separator.status()).isEqualTo(400);
    assertThat(separator.json().getString("detail")).contains("path separator");
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(devel.get(path).json()).isEqualTo(before);

    assertThat(devel.delete(path).status()).isEqualTo(204);
    assertThat(devel.get(path).json().getOrDefault("param", JsonValue.NULL))
        .isEqualTo(JsonValue.NULL);
  }

  private Api.Response setParam(String param) {
    return devel.put(
        "/api/v2/webapps/" + name + "/test",
        Json.createObjectBuilder().add("param", param).build().toString());
  }

  private Api.Response upload(String file, String content) {
    Multipart form = new Multipart().file("files", file, content.getBytes(StandardCharsets.UTF_8));
    return devel.post("/api/v2/webapps/" + name + "/test/files", form.contentType(), form.body());
  }
}
