package org.allgo.it.webapps;

import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.allgo.connector.testing.Commands;
import org.allgo.connector.testing.DockerCli;
import org.allgo.it.Api;
import org.allgo.it.ScriptWebapp;
import org.allgo.it.Server;
import org.allgo.it.faults.Engine;
import org.allgo.it.jobs.Multipart;

/** Shared steps of the webapp tests. */
public final class Webapps {

  static final String REGISTRY = System.getProperty("allgo.registry", "127.0.0.1:5000");
  private static final String MANIFEST_V2 = "application/vnd.docker.distribution.manifest.v2+json";
  private static final Set<String> COMMITTING = Set.of("SANDBOX", "COMMITTED");
  private static final Set<String> JOB_ENDED = Set.of("DONE", "ARCHIVED", "DELETED");

  private Webapps() {}

  public static String uniqueDockerName() {
    return "it-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static Api.Response create(Api api, String dockerName) {
    return api.post(
        "/api/v2/webapps",
        Json.createObjectBuilder()
            .add("name", "Test " + dockerName)
            .add("dockerName", dockerName)
            .add("description", "A *test* webapp")
            .add("entrypoint", "/usr/local/bin/hello")
            .add("memoryMb", 64)
            .build()
            .toString());
  }

  static String sandboxName(String dockerName) {
    return Server.ENVIRONMENT + "-user-" + dockerName;
  }

  static String repository(String dockerName) {
    return REGISTRY + "/allgo/" + Server.ENVIRONMENT + "/" + dockerName;
  }

  /** What an author does over SSH: installs a program in the running sandbox. */
  public static Commands.Result install(String dockerName, String script) {
    return installIn(sandboxName(dockerName), script);
  }

  /** The same in the sandbox container of that name, of the server under test. */
  static Commands.Result installIn(String sandbox, String script) {
    return installIn(Engine.HOST, sandbox, script);
  }

  /** The same in the sandbox container of that name on an engine, of whichever server. */
  static Commands.Result installIn(Engine engine, String sandbox, String script) {
    return ScriptWebapp.install(engine, sandbox, "/usr/local/bin/hello", script);
  }

  /**
   * Runs {@code docker run} of a test container without a network, removed once it exits, with
   * these options, image and command; its exit status and output.
   */
  static Commands.Result runTestContainer(String... args) {
    List<String> command =
        new ArrayList<>(List.of("run", "--rm", "--label", "allgo.test=true", "--network", "none"));
    command.addAll(List.of(args));
    return DockerCli.run(command.toArray(String[]::new));
  }

  /** Commits the running sandbox as {@code number}; returns the new version's id. */
  static long commit(Api api, String dockerName, String number) {
    Api.Response commit =
        api.post(
            "/api/v2/webapps/" + dockerName + "/versions",
            Json.createObjectBuilder().add("number", number).build().toString());
    if (commit.status() != 202) {
      throw new AssertionError("commit refused: " + commit.status() + " " + commit.body());
    }
    return commit.json().getJsonNumber("id").longValue();
  }

  /** The version once its commit job has ended, READY or not. */
  static JsonObject awaitCommit(Api api, String dockerName, long id) {
    return await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> api.get("/api/v2/webapps/" + dockerName + "/versions/" + id).json(),
            v -> !COMMITTING.contains(v.getString("state")));
  }

  /** The digest of the manifest the registry holds under {@code <repository>:<tag>}, if any. */
  static Optional<String> registryDigest(String environment, String dockerName, String tag) {
    URI manifest =
        URI.create(
            "http://"
                + REGISTRY
                + "/v2/allgo/"
                + environment
                + "/"
                + dockerName
                + "/manifests/"
                + tag);
    try {
      HttpResponse<Void> head =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(manifest)
                      .method("HEAD", HttpRequest.BodyPublishers.noBody())
                      .header("Accept", MANIFEST_V2)
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
      return head.statusCode() == 200
          ? head.headers().firstValue("Docker-Content-Digest")
          : Optional.empty();
    } catch (IOException e) {
      throw new IllegalStateException("The registry " + REGISTRY + " does not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A job that ran to its end: as the API shows it, and its log. */
  record JobRun(JsonObject job, String log) {}

  /** Runs a job on the webapp's default version, without a mail, and waits for its end. */
  static JobRun runJob(Api api, String dockerName, String param) {
    Multipart form =
        new Multipart().field("webapp", dockerName).field("param", param).field("notify", "false");
    Api.Response created = api.post("/api/v2/jobs", form.contentType(), form.body());
    if (created.status() != 201) {
      throw new AssertionError("job refused: " + created.status() + " " + created.body());
    }
    long id = created.json().getJsonNumber("id").longValue();
    JsonObject job =
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(250))
            .until(
                () -> api.get("/api/v2/jobs/" + id).json(),
                j -> JOB_ENDED.contains(j.getString("state")));
    return new JobRun(
        job,
        new String(api.fetch("/datastore/" + id + "/allgo.log").body(), StandardCharsets.UTF_8));
  }
}
