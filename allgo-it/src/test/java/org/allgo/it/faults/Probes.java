package org.allgo.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.allgo.it.Api;
import org.allgo.it.jobs.Multipart;

/** Jobs of the {@link ProbeWebapp} on a server, and what a fault test checks of them. */
final class Probes {

  static final Set<String> ENDED = Set.of("DONE", "ARCHIVED", "DELETED");

  private Probes() {}

  /** A probe job to submit: how long it sleeps, its exit code, its queue. */
  record Probe(int seconds, int exitCode, String queue) {
    String param() {
      return seconds + " " + exitCode;
    }
  }

  /**
   * A queue of its own for a test (made by the development superuser), its jobs {@code maxJobs} at
   * a time.
   */
  static String queue(AllgoServer server, int timeoutSeconds, int maxJobs) {
    String name = "it-" + UUID.randomUUID().toString().substring(0, 8);
    Api.Response created =
        server
            .as("admin@localhost")
            .post(
                "/api/v2/queues",
                Json.createObjectBuilder()
                    .add("name", name)
                    .add("description", "fault test queue")
                    .add("timeoutSeconds", timeoutSeconds)
                    .add("cpuMillis", 250)
                    .add("maxJobs", maxJobs)
                    .add("retentionDays", 30)
                    .build()
                    .toString());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return name;
  }

  /** Submits without a mail; the answer as it came. */
  static Api.Response submit(Api api, String webapp, Probe probe) {
    Multipart form =
        new Multipart()
            .field("webapp", webapp)
            .field("param", probe.param())
            .field("queue", probe.queue())
            .field("notify", "false");
    return api.post("/api/v2/jobs", form.contentType(), form.body());
  }

  /** Submits and returns the new job's id, failing the test if it was refused. */
  static long run(Api api, String webapp, Probe probe) {
    Api.Response created = submit(api, webapp, probe);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().getJsonNumber("id").longValue();
  }

  /** Submits them all, in order; their ids, in the same order. */
  static Map<Long, Probe> runAll(Api api, String webapp, List<Probe> probes) {
    Map<Long, Probe> jobs = new LinkedHashMap<>();
    for (Probe probe : probes) {
      jobs.put(run(api, webapp, probe), probe);
    }
    return jobs;
  }

  static JsonObject get(Api api, long id) {
    Api.Response job = api.get("/api/v2/jobs/" + id);
    assertThat(job.status()).as(job.body()).isEqualTo(200);
    return job.json();
  }

  /** Those of the jobs in this state now, read in one request (the caller's latest 500 jobs). */
  static List<Long> inState(Api api, Collection<Long> ids, String state) {
    return jobsInState(api, ids, state).stream()
        .map(job -> job.getJsonNumber("id").longValue())
        .toList();
  }

  /** The same, as the API shows them. */
  static List<JsonObject> jobsInState(Api api, Collection<Long> ids, String state) {
    Api.Response list = api.get("/api/v2/jobs?limit=500&state=" + state);
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    return list.array().stream()
        .map(JsonValue::asJsonObject)
        .filter(job -> ids.contains(job.getJsonNumber("id").longValue()))
        .toList();
  }

  /** Waits until every one of the jobs has ended. */
  static void awaitEnded(Api api, Collection<Long> ids, Duration within) {
    await("jobs ended")
        .atMost(within)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> inState(api, ids, "DONE").size() == ids.size());
  }

  /**
   * The job ended once with the result its program gave: DONE, its exit code and the matching
   * result, its result file, one run only ({@code runs.txt}), one summary in {@code allgo.log}.
   */
  static void assertRanOnce(Api api, long id, Probe probe) {
    JsonObject job = get(api, id);
    assertThat(job.getString("state")).as("job %d: %s", id, job).isEqualTo("DONE");
    assertThat(job.getInt("exitCode", -1)).as("job %d: %s", id, job).isEqualTo(probe.exitCode());
    assertThat(job.getString("result"))
        .as("job %d: %s", id, job)
        .isEqualTo(probe.exitCode() == 0 ? "SUCCESS" : "ERROR");
    assertThat(file(api, id, "runs.txt")).as("runs of job %d", id).isEqualTo("run\n");
    assertThat(file(api, id, "result.txt")).as("job %d", id).isEqualTo(probe.exitCode() + "\n");
    String log = file(api, id, "allgo.log");
    assertThat(log).as("allgo.log of job %d", id).contains("exiting with " + probe.exitCode());
    assertThat(log.split("exit code: ", -1))
        .as("summaries in allgo.log of job %d:\n%s", id, log)
        .hasSize(2);
  }

  static String file(Api api, long id, String name) {
    var response = api.fetch("/datastore/" + id + "/" + name);
    assertThat(response.statusCode()).as("download of %s of job %d", name, id).isEqualTo(200);
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  /** Waits until the server has removed every job container of its environment. */
  static void awaitNoJobContainers(AllgoServer server, Duration within) {
    await("no job container left on the engine")
        .atMost(within)
        .pollInterval(Duration.ofMillis(500))
        .until(server::jobContainers, List::isEmpty);
  }
}
