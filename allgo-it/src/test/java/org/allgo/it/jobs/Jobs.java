package org.allgo.it.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.allgo.connector.testing.DockerCli;
import org.allgo.it.Api;
import org.allgo.it.Server;

/** Shared steps of the job tests: submitting, waiting, reading files, making queues. */
public final class Jobs {

  public static final Set<String> ENDED = Set.of("DONE", "ARCHIVED", "DELETED");

  /** The server under test starts jobs warm when it can ({@code ALLGO_WARM_ENABLED=true}). */
  public static final boolean WARM =
      System.getProperty("allgo.test.server.settings", "").contains("ALLGO_WARM_ENABLED=true");

  private Jobs() {}

  public static Api.Response submit(Api api, String webapp, String param) {
    return submit(api, new Multipart().field("webapp", webapp).field("param", param));
  }

  /**
   * Submits without a mail when the job ends: the mail sink is shared, and mail is not tested here.
   */
  public static Api.Response submit(Api api, Multipart form) {
    form.field("notify", "false");
    return api.post("/api/v2/jobs", form.contentType(), form.body());
  }

  /** Uploads a file ahead of a job; the answer as it came. */
  public static Api.Response upload(Api api, String name, String content) {
    Multipart form = new Multipart().file("file", name, content.getBytes(StandardCharsets.UTF_8));
    return api.post("/api/v2/uploads", form.contentType(), form.body());
  }

  /** Uploads a file ahead of a job and returns the upload's id, failing the test if refused. */
  public static String uploaded(Api api, String name, String content) {
    Api.Response created = upload(api, name, content);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().getString("id");
  }

  /** Submits and returns the new job's id, failing the test if it was refused. */
  public static long run(Api api, String webapp, String param, String queue) {
    Multipart form = new Multipart().field("webapp", webapp).field("param", param);
    if (queue != null) {
      form.field("queue", queue);
    }
    Api.Response created = submit(api, form);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().getBoolean("notifyByMail")).isFalse();
    return created.json().getJsonNumber("id").longValue();
  }

  /** The id of the caller's newest job. */
  public static long newest(Api api) {
    return api.get("/api/v2/jobs?limit=1").array().getJsonObject(0).getJsonNumber("id").longValue();
  }

  public static JsonObject get(Api api, long id) {
    return api.get("/api/v2/jobs/" + id).json();
  }

  public static JsonObject awaitState(Api api, long id, String state, Duration within) {
    return await()
        .atMost(within)
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> get(api, id),
            job -> job.getString("state").equals(state) || ENDED.contains(job.getString("state")));
  }

  public static JsonObject awaitEnd(Api api, long id, Duration within) {
    return await()
        .atMost(within)
        .pollInterval(Duration.ofMillis(250))
        .until(() -> get(api, id), job -> ENDED.contains(job.getString("state")));
  }

  public static String file(Api api, long id, String name) {
    var response = api.fetch("/datastore/" + id + "/" + name);
    assertThat(response.statusCode()).as("download of " + name).isEqualTo(200);
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  /** A warm container of the webapp, ready: the pool fills in the background after each job. */
  public static void awaitWarmContainer(String webapp) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                DockerCli.run(
                        "ps",
                        "-q",
                        "--filter",
                        "label=allgo.warm",
                        "--filter",
                        "label=allgo.webapp=" + webapp,
                        "--filter",
                        "name=^" + Server.ENVIRONMENT + "-warm-")
                    .stdout()
                    .strip(),
            ids -> !ids.isEmpty());
  }

  public static String containerName(long id) {
    return Server.ENVIRONMENT + "-job-" + id;
  }

  public static boolean containerExists(long id) {
    return DockerCli.run("inspect", containerName(id)).exit() == 0;
  }

  /**
   * Waits until the job's container is gone: a job shows its end as soon as it is recorded, and its
   * container is removed right after (a loaded machine makes that "after" visible).
   */
  public static void awaitContainerRemoved(long id) {
    await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> !containerExists(id));
  }

  /** A queue of its own for a test, made by the development superuser. */
  public static String queue(int timeoutSeconds, int maxJobs, int retentionDays) {
    String name = "it-" + UUID.randomUUID().toString().substring(0, 8);
    Api.Response created =
        Api.asDevelopmentUser("admin@localhost")
            .post(
                "/api/v2/queues",
                Json.createObjectBuilder()
                    .add("name", name)
                    .add("description", "test queue")
                    .add("timeoutSeconds", timeoutSeconds)
                    .add("cpuMillis", 500)
                    .add("maxJobs", maxJobs)
                    .add("retentionDays", retentionDays)
                    .build()
                    .toString());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return name;
  }

  /** Runs the purge-jobs batch job as the development superuser; returns its ended execution. */
  public static JsonObject purge() {
    Api admin = Api.asDevelopmentUser("admin@localhost");
    Api.Response started = admin.post("/api/v2/admin/batch/purge-jobs", null);
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    long execution = started.json().getJsonNumber("id").longValue();
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> admin.get("/api/v2/admin/batch/executions/" + execution).json(),
            e ->
                e.getString("status").equals("COMPLETED")
                    || e.getString("status").equals("FAILED"));
  }

  public static Instant instant(JsonObject job, String field) {
    return Instant.parse(job.getString(field));
  }
}
