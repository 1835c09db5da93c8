package org.allgo.it.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.allgo.it.Api;
import org.junit.jupiter.api.Test;

/** A job's path: submitted with files, run in a container, its outputs and log downloaded. */
class JobRunIT extends ToolJobTest {

  @Test
  void successfulJobKeepsItsInputsOutputsAndLog() {
    Api.Response created =
        Jobs.submit(
            devel,
            new Multipart()
                .field("webapp", tool)
                .field("param", "copy in.txt")
                .file("files", "in.txt", "hello allgo\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = created.json().getJsonNumber("id").longValue();

    JsonObject job = Jobs.awaitEnd(devel, id, Duration.ofSeconds(30));

    assertThat(job.getString("state")).isEqualTo("DONE");
    assertThat(job.getString("result")).isEqualTo("SUCCESS");
    assertThat(job.getInt("exitCode")).isZero();
    assertThat(job.getJsonNumber("outputBytes").longValue()).isPositive();
    assertThat(devel.get("/api/v2/jobs/" + id + "/files").array().getValuesAs(JsonObject.class))
        .extracting(f -> f.getString("name") + (f.getBoolean("input") ? " (input)" : ""))
        .containsExactly("allgo.log", "copy.txt", "in.txt (input)");
    assertThat(Jobs.file(devel, id, "copy.txt")).isEqualTo("hello allgo\n");
    assertThat(Jobs.file(devel, id, "allgo.log"))
        .startsWith("copied in.txt\n")
        .contains("exit code: 0")
        .contains("result:    SUCCESS")
        .contains("webapp:    " + tool + " 1");
    Jobs.awaitContainerRemoved(id);
    List<Instant> times =
        Stream.of("createdAt", "queuedAt", "startedAt", "finishedAt")
            .map(field -> Jobs.instant(job, field))
            .toList();
    assertThat(times).isSorted();
    // Four whole seconds in a row would mean the database or its driver drops the milliseconds.
    assertThat(times).as("times to the millisecond").anyMatch(t -> t.getNano() != 0);
  }

  @Test
  void downloadsHaveTypeLengthDispositionAndRanges() {
    long id =
        Jobs.submit(
                devel,
                new Multipart()
                    .field("webapp", tool)
                    .field("param", "copy in.txt")
                    .file("files", "in.txt", "0123456789\n".getBytes(StandardCharsets.UTF_8))
                    .file("files", "données.json", "{}".getBytes(StandardCharsets.UTF_8)))
            .json()
            .getJsonNumber("id")
            .longValue();
    Jobs.awaitEnd(devel, id, Duration.ofSeconds(30));

    HttpResponse<byte[]> whole = devel.fetch("/datastore/" + id + "/copy.txt");
    assertThat(whole.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    assertThat(whole.body()).hasSize(11);
    assertThat(whole.headers().firstValueAsLong("Content-Length")).hasValue(11);
    assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
    // Text opens in the browser; JSON is saved under its own name, never shown as a raw page.
    assertThat(whole.headers().firstValue("Content-Disposition"))
        .hasValue("inline; filename=\"copy.txt\"; filename*=UTF-8''copy.txt");
    HttpResponse<byte[]> json = devel.fetch("/datastore/" + id + "/donn%C3%A9es.json");
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(json.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"donn_es.json\"; filename*=UTF-8''donn%C3%A9es.json");
    assertThat(
            devel
                .fetch("/api/v2/jobs/" + id + "/files/copy.txt")
                .headers()
                .firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"copy.txt\"; filename*=UTF-8''copy.txt");

    HttpResponse<byte[]> part = devel.fetch("/datastore/" + id + "/copy.txt", "Range", "bytes=2-5");
    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(new String(part.body(), StandardCharsets.UTF_8)).isEqualTo("2345");
    assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 2-5/11");
    assertThat(
            new String(
                devel.fetch("/datastore/" + id + "/copy.txt", "Range", "bytes=-3").body(),
                StandardCharsets.UTF_8))
        .isEqualTo("89\n");
    assertThat(
            devel.fetch("/datastore/" + id + "/allgo.log", "Range", "bytes=999999-").statusCode())
        .isEqualTo(416);
  }

  @Test
  void nonZeroExitIsAnErrorWithItsCodeAndBothStreamsInTheLog() {
    long id = Jobs.run(devel, tool, "exit 3", null);

    JsonObject job = Jobs.awaitEnd(devel, id, Duration.ofSeconds(30));

    assertThat(job.getString("result")).isEqualTo("ERROR");
    assertThat(job.getInt("exitCode")).isEqualTo(3);
    assertThat(Jobs.file(devel, id, "allgo.log"))
        .contains("exiting with 3\n")
        .contains("oops\n")
        .contains("exit code: 3")
        .contains("result:    ERROR");
  }

  @Test
  void parametersReachTheProgramAsLiteralArgumentsWithoutAShell() {
    long id =
        Jobs.run(
            devel,
            tool,
            "args '; rm -rf /' \"$(id)\" `id` 'it'\\''s' a\\ b \"x\\\"y\" * $HOME | >out",
            null);

    Jobs.awaitEnd(devel, id, Duration.ofSeconds(30));

    assertThat(Jobs.file(devel, id, "allgo.log"))
        .startsWith(
            String.join(
                "\n",
                "[; rm -rf /]",
                "[$(id)]",
                "[`id`]",
                "[it's]",
                "[a b]",
                "[x\"y]",
                "[*]",
                "[$HOME]",
                "[|]",
                "[>out]",
                ""));
    assertThat(devel.get("/api/v2/jobs/" + id + "/files").body()).doesNotContain("\"out\"");
  }

  @Test
  void programsRunAsNobodyWithoutNetwork() {
    long id = Jobs.run(devel, tool, "id", null);

    Jobs.awaitEnd(devel, id, Duration.ofSeconds(30));

    String log = Jobs.file(devel, id, "allgo.log");
    assertThat(log).contains("uid=65534").doesNotContain("uid=0");
    assertThat(log.lines().filter(l -> l.equals("lo") || l.startsWith("eth")))
        .containsExactly("lo");
    // The engine writes no hosts file without network: the platform's names the loopback.
    assertThat(log).containsPattern("(?m)^127\\.0\\.0\\.1\\s+localhost$");
  }

  @Test
  void theDevelopmentWebappSleepRuns() {
    long id = Jobs.run(devel, "sleep", "1", null);

    JsonObject job = Jobs.awaitEnd(devel, id, Duration.ofSeconds(30));

    assertThat(job.getString("result")).isEqualTo("SUCCESS");
    assertThat(Jobs.file(devel, id, "sleep-output.txt")).isEqualTo("slept 1 seconds\n");
    assertThat(Jobs.file(devel, id, "allgo.log")).startsWith("sleeping 1 seconds\ndone\n");
  }

  @Test
  void myJobsAreListedWithFiltersAndDeletedJobsLeaveTheList() {
    long id = Jobs.run(devel, tool, "exit 0", null);
    Jobs.awaitEnd(devel, id, Duration.ofSeconds(30));

    assertThat(devel.get("/api/v2/jobs?webapp=" + tool + "&state=done").body())
        .contains("\"id\":" + id + ",");
    assertThat(devel.get("/api/v2/jobs?webapp=sleep").body()).doesNotContain("\"id\":" + id + ",");
    assertThat(devel.delete("/api/v2/jobs/" + id).status()).isEqualTo(204);
    assertThat(devel.get("/api/v2/jobs?webapp=" + tool).body())
        .doesNotContain("\"id\":" + id + ",");
    assertThat(Jobs.get(devel, id).getString("state")).isEqualTo("DELETED");
    assertThat(devel.fetch("/datastore/" + id + "/allgo.log").statusCode()).isEqualTo(404);
  }
}
