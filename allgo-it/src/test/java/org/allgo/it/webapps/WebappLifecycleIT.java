package org.allgo.it.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.allgo.connector.testing.Commands;
import org.allgo.connector.testing.DockerCli;
import org.allgo.it.Api;
import org.allgo.it.Server;
import org.junit.jupiter.api.Test;

/**
 * An author's path: create a webapp, start its sandbox, install a program, commit a version, and
 * find that version in the registry and in a container made from the pulled image.
 */
class WebappLifecycleIT extends NewWebappTest {

  private static final String PROGRAM = "#!/bin/sh\necho \"hello $1\"\n";

  @Test
  void committedSandboxBecomesAReadyVersionInTheRegistry() throws Exception {
    JsonObject started =
        devel
            .post("/api/v2/webapps/" + name + "/sandbox/start", "{\"baseImage\":\"busybox\"}")
            .json();
    assertThat(started.getJsonObject("sandbox").getString("state")).isEqualTo("RUNNING");
    assertThat(started.getJsonObject("sandbox").getString("ssh")).contains(name + "@");
    assertThat(Webapps.install(name, PROGRAM).exit()).isZero();

    Api.Response commit =
        devel.post(
            "/api/v2/webapps/" + name + "/versions",
            "{\"number\":\"1.0\",\"description\":\"first\"}");
    assertThat(commit.status()).as(commit.body()).isEqualTo(202);
    long id = commit.json().getJsonNumber("id").longValue();

    JsonObject version = Webapps.awaitCommit(devel, name, id);
    assertThat(version.getString("state")).as(version.toString()).isEqualTo("READY");
    assertThat(version.getString("image")).isEqualTo(Webapps.repository(name) + ":1.0");
    assertThat(version.getJsonNumber("sizeBytes").longValue()).isPositive();
    // What the engine pushed is what the registry holds under the tag.
    assertThat(Webapps.registryDigest(Server.ENVIRONMENT, name, "1.0"))
        .contains(version.getString("digest"));
    assertThat(devel.get("/api/v2/webapps/" + name).json().getString("defaultVersion"))
        .isEqualTo("1.0");
    JsonObject execution =
        Api.asDevelopmentUser("admin@localhost")
            .get("/api/v2/admin/batch/executions/" + version.getJsonNumber("batchExecutionId"))
            .json();
    assertThat(execution.getString("job")).isEqualTo("commit-version");
    assertThat(execution.getString("status")).isEqualTo("COMPLETED");

    assertThat(catalog()).contains("allgo/" + Server.ENVIRONMENT + "/" + name);
    assertThat(registry("/v2/allgo/" + Server.ENVIRONMENT + "/" + name + "/tags/list"))
        .contains("\"1.0\"");

    String image = Webapps.repository(name) + ":1.0";
    DockerCli.run("rmi", "-f", image);
    assertThat(DockerCli.run("pull", image).exit()).isZero();
    Commands.Result run = Webapps.runTestContainer(image, "/usr/local/bin/hello", "world");
    assertThat(run.output()).isEqualTo("hello world\n");
  }

  @Test
  void sandboxResetToAVersionHasItsProgram() {
    devel.post("/api/v2/webapps/" + name + "/sandbox/start", "{\"baseImage\":\"busybox\"}");
    Webapps.install(name, PROGRAM);
    long id =
        devel
            .post("/api/v2/webapps/" + name + "/versions", "{}")
            .json()
            .getJsonNumber("id")
            .longValue();
    JsonObject version = Webapps.awaitCommit(devel, name, id);
    assertThat(version.getString("state")).isEqualTo("READY");
    assertThat(version.getString("number")).isEqualTo("1");

    assertThat(
            devel
                .post("/api/v2/webapps/" + name + "/sandbox/stop", null)
                .json()
                .getJsonObject("sandbox")
                .getString("state"))
        .isEqualTo("IDLE");
    assertThat(DockerCli.run("inspect", Webapps.sandboxName(name)).exit()).isNotZero();

    Api.Response reset =
        devel.post("/api/v2/webapps/" + name + "/sandbox/start", "{\"version\":\"1\"}");
    assertThat(reset.status()).as(reset.body()).isEqualTo(200);
    assertThat(
            DockerCli.run("exec", Webapps.sandboxName(name), "/usr/local/bin/hello", "again")
                .output())
        .isEqualTo("hello again\n");
  }

  @Test
  void sandboxIsConfined() {
    devel.post("/api/v2/webapps/" + name + "/sandbox/start", "{\"baseImage\":\"busybox\"}");

    String host =
        DockerCli.run(
                "inspect",
                "-f",
                "{{.HostConfig.NetworkMode}} {{.HostConfig.Memory}} {{.HostConfig.Init}} {{.HostConfig.SecurityOpt}}"
                    + " {{len .HostConfig.PortBindings}} {{.HostConfig.PublishAllPorts}} {{index .Config.Labels \"allgo.webapp\"}}",
                Webapps.sandboxName(name))
            .output()
            .strip();
    assertThat(host).isEqualTo("none 67108864 true [no-new-privileges] 0 false " + name);
  }

  @Test
  void theToolboxIsOnThePathOfEverySandbox() {
    devel.post("/api/v2/webapps/" + name + "/sandbox/start", "{\"baseImage\":\"busybox\"}");

    // By name, from the PATH: busybox has no nano and no scp of its own.
    assertThat(DockerCli.run("exec", Webapps.sandboxName(name), "nano", "--version").output())
        .contains("GNU nano");
    assertThat(
            DockerCli.run(
                    "exec",
                    Webapps.sandboxName(name),
                    "sh",
                    "-c",
                    "command -v scp; command -v sftp-server")
                .output())
        .isEqualTo("/.toolbox/bin/scp\n/.toolbox/bin/sftp-server\n");
    assertThat(
            DockerCli.run("exec", Webapps.sandboxName(name), "touch", "/.toolbox/bin/x").output())
        .contains("Read-only file system");
  }

  @Test
  void aSandboxThatCannotStartIsInErrorWithItsReason() {
    Api admin = Api.asDevelopmentUser("admin@localhost");
    String base = "it-base-" + name;
    // A base image the connector's policy does not allow: the engine never sees it.
    assertThat(
            admin
                .post(
                    "/api/v2/base-images",
                    Json.createObjectBuilder()
                        .add("name", base)
                        .add("image", "allgo/not-allowed:1")
                        .build()
                        .toString())
                .status())
        .isEqualTo(201);
    try {
      Api.Response start =
          devel.post(
              "/api/v2/webapps/" + name + "/sandbox/start",
              Json.createObjectBuilder().add("baseImage", base).build().toString());

      assertThat(start.status()).isEqualTo(409);
      assertThat(start.json().getString("detail"))
          .contains("could not start")
          .contains("Refused by policy");
      JsonObject sandbox = devel.get("/api/v2/webapps/" + name).json().getJsonObject("sandbox");
      assertThat(sandbox.getString("state")).isEqualTo("ERROR");
      assertThat(sandbox.getString("reason")).contains("allgo/not-allowed:1");
      assertThat(
              devel
                  .post("/api/v2/webapps/" + name + "/sandbox/start", "{\"baseImage\":\"busybox\"}")
                  .json()
                  .getJsonObject("sandbox")
                  .getString("state"))
          .isEqualTo("RUNNING");
    } finally {
      admin.delete("/api/v2/base-images/" + base);
    }
  }

  @Test
  void commitOfAStoppedSandboxIsRefused() {
    devel.post("/api/v2/webapps/" + name + "/sandbox/start", "{\"baseImage\":\"busybox\"}");
    devel.post("/api/v2/webapps/" + name + "/sandbox/stop", null);

    Api.Response commit = devel.post("/api/v2/webapps/" + name + "/versions", "{\"number\":\"2\"}");

    assertThat(commit.status()).isEqualTo(409);
    assertThat(commit.body()).contains("not running");
    assertThat(devel.get("/api/v2/webapps/" + name + "/versions").array()).isEmpty();
  }

  @Test
  void deletingAWebappRemovesItsVersionsFromTheRegistry() throws Exception {
    devel.post("/api/v2/webapps/" + name + "/sandbox/start", "{\"baseImage\":\"busybox\"}");
    Webapps.install(name, PROGRAM);
    long id = Webapps.commit(devel, name, "3");
    assertThat(Webapps.awaitCommit(devel, name, id).getString("state")).isEqualTo("READY");

    assertThat(devel.delete("/api/v2/webapps/" + name).status()).isEqualTo(204);

    assertThat(devel.get("/api/v2/webapps/" + name).status()).isEqualTo(404);
    assertThat(Webapps.registryDigest(Server.ENVIRONMENT, name, "3")).isEmpty();
    assertThat(DockerCli.run("inspect", Webapps.sandboxName(name)).exit()).isNotZero();
  }

  /** Every repository of the registry's catalog, following its pages. */
  private static List<String> catalog() throws Exception {
    List<String> repositories = new ArrayList<>();
    String page = "/v2/_catalog?n=1000";
    while (page != null) {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://" + Webapps.REGISTRY + page)).build(),
                  HttpResponse.BodyHandlers.ofString());
      Json.createReader(new StringReader(response.body()))
          .readObject()
          .getJsonArray("repositories")
          .getValuesAs(JsonString.class)
          .forEach(r -> repositories.add(r.getString()));
      page =
          response
              .headers()
              .firstValue("Link")
              .map(link -> link.substring(link.indexOf('<') + 1, link.indexOf('>')))
              .orElse(null);
    }
    return repositories;
  }

  private static String registry(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://" + Webapps.REGISTRY + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
