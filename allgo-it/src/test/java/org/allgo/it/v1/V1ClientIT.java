package org.allgo.it.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.allgo.it.Api;
import org.allgo.it.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The original Python client's protocol, run by Python with requests, end to end on `sleep`. */
class V1ClientIT {

  private static final String PYTHON = System.getProperty("allgo.test.python", "/usr/bin/python3");

  @TempDir Path work;

  @Test
  void pythonClientSubmitsPollsAndDownloadsEveryFile() throws Exception {
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                Api.anonymous().get("/api/v2/webapps/sleep").json().containsKey("defaultVersion"));
    Api devel = Api.asDevelopmentUser("devel@localhost");
    Path input = Files.writeString(work.resolve("input.txt"), "some input\n");
    Path output = Files.createDirectory(work.resolve("out"));

    JsonObject run =
        python(
            List.of(
                PYTHON,
                script().toString(),
                Server.BASE_URL,
                devel.token(),
                "sleep",
                "1",
                input.toString(),
                output.toString()));

    JsonObject created = run.getJsonObject("created");
    long id = created.getJsonNumber("id").longValue();
    assertThat(created.getString("url")).endsWith("/api/v1/jobs/" + id);
    assertThat(created.getJsonNumber("avg_time").longValue()).isNotNegative();
    JsonObject status = run.getJsonObject("status");
    assertThat(status.getString("status")).isEqualTo("done");
    assertThat(status.getJsonObject(Long.toString(id)).keySet())
        .contains("input.txt", "sleep-output.txt", "allgo.log");
    assertThat(output.resolve("sleep-output.txt")).content().isEqualTo("slept 1 seconds\n");
    assertThat(output.resolve("input.txt")).content().isEqualTo("some input\n");
    assertThat(output.resolve("allgo.log")).content().contains("sleeping 1 seconds");
  }

  private static Path script() {
    return Path.of(System.getProperty("allgo.test.python.dir", "src/test/python"), "v1_client.py")
        .toAbsolutePath();
  }

  private static JsonObject python(List<String> command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return Json.createReader(new StringReader(out)).readObject();
  }
}
