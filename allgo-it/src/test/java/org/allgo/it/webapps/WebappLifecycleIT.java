package org.allgo.it.webapps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.allgo.it.Api;
import org.allgo.it.DockerCli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An author's path: create a webapp, start its sandbox, install a program, commit a version, and
 * find that version in the registry and in a container made from the pulled image.
 */
class WebappLifecycleIT {

  private static final String PROGRAM = "#!/bin/sh\necho \"hello $1\"\n";

  private Api devel;
  private String name;

  @BeforeEach
  void createWebapp() {
    devel = Api.asDevelopmentUser("devel@localhost");
    name = Webapps.uniqueDockerName();
    assertThat(Webapps.create(devel, name).status()).isEqualTo(201);
  }

  @AfterEach
  void deleteWebapp() {
    devel.delete("/api/v2/webapps/" + name);
    DockerCli.run("rm", "-f", Webapps.sandboxName(name));
  }

  @Test
  void committedSandboxBecomesAReadyVersionInTheRegistry() throws Exception {
    JsonObject started = devel.post("/api/v2/webapps/" + name + "/sandbox/start",
        "{\"baseImage\":\"busybox\"}").json();
    assertThat(started.getJsonObject("sandbox").getString("state")).isEqualTo("RUNNING");
    assertThat(started.getJsonObject("sandbox").getString("ssh")).contains(name + "@");
    assertThat(Webapps.install(name, PROGRAM).exitCode()).isZero();

    Api.Response commit = devel.post("/api/v2/webapps/" + name + "/versions",
        "{\"number\":\"1.0\",\"description\":\"first\"}");
    assertThat(commit.status()).as(commit.body()).isEqualTo(202);
    long id = commit.json().getJsonNumber("id").longValue();

    JsonObject version = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
        .until(() -> devel.get("/api/v2/webapps/" + name + "/versions/" + id).json(),
            v -> !v.getString("state").equals("SANDBOX") && !v.getString("state").equals("COMMITTED"));
    assertThat(version.getString("state")).as(version.toString()).isEqualTo("READY");
    assertThat(version.getString("image")).isEqualTo(Webapps.repository(name) + ":1.0");
    assertThat(version.getJsonNumber("sizeBytes").longValue()).isPositive();
    assertThat(devel.get("/api/v2/webapps/" + name).json().getString("defaultVersion")).isEqualTo("1.0");

    assertThat(registry("/v2/_catalog?n=1000")).contains("allgo/" + org.allgo.it.Server.ENVIRONMENT + "/" + name);
    assertThat(registry("/v2/allgo/" + org.allgo.it.Server.ENVIRONMENT + "/" + name + "/tags/list"))
        .contains("\"1.0\"");

    String image = Webapps.repository(name) + ":1.0";
    DockerCli.run("rmi", "-f", image);
    assertThat(DockerCli.run("pull", image).exitCode()).isZero();
    DockerCli.Result run = DockerCli.run("run", "--rm", "--label", "allgo.test=true", "--network", "none",
        image, "/usr/local/bin/hello", "world");
    assertThat(run.output()).isEqualTo("hello world\n");
  }

  @Test
  void sandboxResetToAVersionHasItsProgram() {
    devel.post("/api/v2/webapps/" + name + "/sandbox/start", "{\"baseImage\":\"busybox\"}");
    Webapps.install(name, PROGRAM);
    long id = devel.post("/api/v2/webapps/" + name + "/versions", "{}").json().getJsonNumber("id").longValue();
    await().atMost(Duration.ofSeconds(90)).until(
        () -> devel.get("/api/v2/webapps/" + name + "/versions/" + id).json().getString("state"),
        state -> state.equals("READY"));
    assertThat(devel.get("/api/v2/webapps/" + name + "/versions/" + id).json().getString("number")).isEqualTo("1");

    assertThat(devel.post("/api/v2/webapps/" + name + "/sandbox/stop", null).json()
        .getJsonObject("sandbox").getString("state")).isEqualTo("IDLE");
    assertThat(DockerCli.run("inspect", Webapps.sandboxName(name)).exitCode()).isNotZero();

    Api.Response reset = devel.post("/api/v2/webapps/" + name + "/sandbox/start", "{\"version\":\"1\"}");
    assertThat(reset.status()).as(reset.body()).isEqualTo(200);
    assertThat(DockerCli.run("exec", Webapps.sandboxName(name), "/usr/local/bin/hello", "again").output())
        .isEqualTo("hello again\n");
  }

  @Test
  void sandboxIsConfined() {
    devel.post("/api/v2/webapps/" + name + "/sandbox/start", "{\"baseImage\":\"busybox\"}");

    String host = DockerCli.run("inspect", "-f",
        "{{.HostConfig.NetworkMode}} {{.HostConfig.Memory}} {{.HostConfig.Init}} {{.HostConfig.SecurityOpt}}"
            + " {{index .Config.Labels \"allgo.webapp\"}}",
        Webapps.sandboxName(name)).output().strip();
    assertThat(host).isEqualTo("none 67108864 true [no-new-privileges] " + name);
    assertThat(DockerCli.run("exec", Webapps.sandboxName(name), "/.toolbox/bin/vi", "--help").output())
        .contains("BusyBox");
  }

  @Test
  void commitOfAStoppedSandboxIsRefused() {
    Api.Response commit = devel.post("/api/v2/webapps/" + name + "/versions", "{\"number\":\"2\"}");

    assertThat(commit.status()).isEqualTo(409);
    assertThat(commit.body()).contains("not running");
    assertThat(devel.get("/api/v2/webapps/" + name + "/versions").array()).isEmpty();
  }

  @Test
  void deletingAWebappRemovesItsVersionsFromTheRegistry() throws Exception {
    devel.post("/api/v2/webapps/" + name + "/sandbox/start", "{\"baseImage\":\"busybox\"}");
    Webapps.install(name, PROGRAM);
    long id = devel.post("/api/v2/webapps/" + name + "/versions", "{\"number\":\"3\"}").json()
        .getJsonNumber("id").longValue();
    await().atMost(Duration.ofSeconds(90)).until(
        () -> devel.get("/api/v2/webapps/" + name + "/versions/" + id).json().getString("state"),
        state -> state.equals("READY"));

    assertThat(devel.delete("/api/v2/webapps/" + name).status()).isEqualTo(204);

    assertThat(devel.get("/api/v2/webapps/" + name).status()).isEqualTo(404);
    assertThat(registryStatus("/v2/allgo/" + org.allgo.it.Server.ENVIRONMENT + "/" + name + "/manifests/3"))
        .isEqualTo(404);
    assertThat(DockerCli.run("inspect", Webapps.sandboxName(name)).exitCode()).isNotZero();
  }

  private static String registry(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://" + Webapps.REGISTRY + path))
        .build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static int registryStatus(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://" + Webapps.REGISTRY + path))
        .header("Accept", "application/vnd.docker.distribution.manifest.v2+json")
        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
