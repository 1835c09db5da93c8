package org.allgo.it.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.allgo.connector.testing.DockerCli;
import org.allgo.it.Api;
import org.allgo.it.Server;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A webapp's versions: the same number committed again replaces the earlier version, the author
 * pins the one jobs run, and version numbers follow their rule.
 */
class WebappVersionsIT extends NewWebappTest {

  @BeforeEach
  void startSandbox() {
    Api.Response started =
        devel.post("/api/v2/webapps/" + name + "/sandbox/start", "{\"baseImage\":\"busybox\"}");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
  }

  @Test
  void theSameNumberCommittedAgainReplacesTheEarlierVersion() {
    JsonObject first = commitProgram("one", "1");
    JsonObject second = commitProgram("two", "1");

    assertThat(second.getString("state")).isEqualTo("READY");
    assertThat(version(first).getString("state")).isEqualTo("REPLACED");
    assertThat(devel.get("/api/v2/webapps/" + name).json().getString("defaultVersion"))
        .isEqualTo("1");
    assertThat(Webapps.registryDigest(Server.ENVIRONMENT, name, "1"))
        .contains(second.getString("digest"));
    assertThat(Webapps.runJob(devel, name, "job").log()).contains("two job");

    assertThat(devel.delete("/api/v2/webapps/" + name).status()).isEqualTo(204);
    assertThat(Webapps.registryDigest(Server.ENVIRONMENT, name, first.getString("digest")))
        .isEmpty();
    assertThat(Webapps.registryDigest(Server.ENVIRONMENT, name, second.getString("digest")))
        .isEmpty();
  }

  @Test
  void aPinnedVersionIsTheOneJobsRunUntilUnpinned() {
    commitProgram("one", "1");
    commitProgram("two", "2");
    assertThat(devel.get("/api/v2/webapps/" + name).json().getString("defaultVersion"))
        .isEqualTo("2");

    Api.Response pinned =
        devel.put("/api/v2/webapps/" + name + "/pinned-version", "{\"number\":\"1\"}");

    assertThat(pinned.json().getString("defaultVersion")).as(pinned.body()).isEqualTo("1");
    Webapps.JobRun job = Webapps.runJob(devel, name, "job");
    assertThat(job.job().getString("version")).isEqualTo("1");
    assertThat(job.log()).contains("one job");
    Api.Response unknown =
        devel.put("/api/v2/webapps/" + name + "/pinned-version", "{\"number\":\"9\"}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body()).contains("no ready version 9");
    assertThat(devel.get("/api/v2/webapps/" + name).json().getString("defaultVersion"))
        .isEqualTo("1");
    assertThat(
            devel
                .put("/api/v2/webapps/" + name + "/pinned-version", "{\"number\":null}")
                .json()
                .getString("defaultVersion"))
        .isEqualTo("2");
  }

  @Test
  void versionNumbersFollowTheirRule() {
    for (String number : new String[] {"1 0", "../1", "-1", ".1", "1;id", "v".repeat(33), "é"}) {
      Api.Response commit =
          devel.post(
              "/api/v2/webapps/" + name + "/versions",
              Json.createObjectBuilder().add("number", number).build().toString());

      assertThat(commit.status()).as(number).isEqualTo(400);
      assertThat(commit.json().getString("code")).isEqualTo("invalid-version");
    }
    assertThat(devel.get("/api/v2/webapps/" + name + "/versions").array()).isEmpty();
  }

  @Test
  void aVersionWhoseProgramJobsCannotRunEndsInErrorWithTheReasonAndIsNotPublished() {
    // Nothing at the entrypoint: an empty sandbox committed as it is.
    JsonObject missing = Webapps.awaitCommit(devel, name, Webapps.commit(devel, name, "1"));

    assertThat(missing.getString("state")).isEqualTo("ERROR");
    assertThat(missing.getString("errorReason"))
        .startsWith("check failed: /usr/local/bin/hello is not a file in the image")
        .contains("chmod 755");
    assertThat(Webapps.registryDigest(Server.ENVIRONMENT, name, "1")).isEmpty();

    // There, but only its owner (root) may run it: jobs run as another user.
    assertThat(Webapps.install(name, "#!/bin/sh\necho hello\n").exit()).isZero();
    assertThat(
            DockerCli.run("exec", Webapps.sandboxName(name), "chmod", "700", "/usr/local/bin/hello")
                .exit())
        .isZero();
    JsonObject private_ = Webapps.awaitCommit(devel, name, Webapps.commit(devel, name, "2"));

    assertThat(private_.getString("state")).isEqualTo("ERROR");
    assertThat(private_.getString("errorReason"))
        .startsWith("check failed: /usr/local/bin/hello may not be run by the job user");
    assertThat(Webapps.registryDigest(Server.ENVIRONMENT, name, "2")).isEmpty();
    assertThat(devel.get("/api/v2/webapps/" + name).json().containsKey("defaultVersion")).isFalse();
    assertThat(
            DockerCli.run(
                    "ps", "-a", "--filter", "label=allgo.role=check", "--format", "{{.Names}}")
                .stdout())
        .as("the check's container is removed")
        .doesNotContain(Server.ENVIRONMENT + "-check-");

    JsonObject fixed = commitProgram("fixed", "3");
    assertThat(fixed.getString("state")).isEqualTo("READY");
  }

  /**
   * Installs a program that prints {@code word} and its argument, and commits it as {@code number}.
   */
  private JsonObject commitProgram(String word, String number) {
    assertThat(Webapps.install(name, "#!/bin/sh\necho \"" + word + " $1\"\n").exit()).isZero();
    JsonObject version = Webapps.awaitCommit(devel, name, Webapps.commit(devel, name, number));
    assertThat(version.getString("state")).as(version.toString()).isEqualTo("READY");
    return version;
  }

  private JsonObject version(JsonObject version) {
    return devel.get("/api/v2/webapps/" + name + "/versions/" + version.getJsonNumber("id")).json();
  }
}
