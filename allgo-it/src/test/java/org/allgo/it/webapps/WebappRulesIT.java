package org.allgo.it.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.allgo.it.Api;
import org.allgo.it.ScriptWebapp;
import org.allgo.it.Server;
import org.allgo.it.faults.Engine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Who may do what with a webapp, and what a webapp may be called; refusals change nothing. */
class WebappRulesIT extends NewWebappTest {

  private Api guest;

  @BeforeEach
  void signInGuest() {
    guest = Api.asDevelopmentUser("guest@localhost");
  }

  @Test
  void dockerNamesAreUnique() {
    Api.Response again = Webapps.create(guest, name);

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().toString()).contains("taken");
    assertThat(devel.get("/api/v2/webapps/" + name).json().getString("ownerEmail"))
        .isEqualTo("devel@localhost");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "A",
        "Upper",
        "-lead",
        "trail-",
        "has space",
        "dots.no",
        "x",
        "semi;colon",
        "very-long-name-very-long-name-very-long-name-very-long-name-very-long"
      })
  void invalidDockerNamesAreRefused(String dockerName) {
    Api.Response created = Webapps.create(devel, dockerName);

    assertThat(created.status()).isEqualTo(400);
    assertThat(created.body()).contains("docker name");
  }

  @Test
  void anotherUsersWebappCannotBeChanged() {
    Api.Response edit = guest.patch("/api/v2/webapps/" + name, "{\"name\":\"Taken over\"}");
    Api.Response start = guest.post("/api/v2/webapps/" + name + "/sandbox/start", "{}");
    Api.Response delete = guest.delete("/api/v2/webapps/" + name);
    Api.Response stop = guest.post("/api/v2/webapps/" + name + "/sandbox/stop", null);
    Api.Response commit = guest.post("/api/v2/webapps/" + name + "/versions", "{\"number\":\"1\"}");
    Api.Response pin =
        guest.put("/api/v2/webapps/" + name + "/pinned-version", "{\"number\":\"1\"}");
    // A published webapp (the development data's sleep): seen by all, changed by its owner only.
    Api.Response editPublished = guest.patch("/api/v2/webapps/sleep", "{\"name\":\"Taken over\"}");
    Api.Response commitPublished =
        guest.post("/api/v2/webapps/sleep/versions", "{\"number\":\"9\"}");

    // Not yet published (no READY version): to anyone but its managers it does not exist.
    assertThat(edit.status()).isEqualTo(404);
    assertThat(start.status()).isEqualTo(404);
    assertThat(delete.status()).isEqualTo(404);
    assertThat(stop.status()).isEqualTo(404);
    assertThat(commit.status()).isEqualTo(404);
    assertThat(pin.status()).isEqualTo(404);
    assertThat(editPublished.status()).isEqualTo(403);
    assertThat(commitPublished.status()).isEqualTo(403);
    assertThat(
            devel.get("/api/v2/webapps/" + name).json().getJsonObject("sandbox").getString("state"))
        .isEqualTo("IDLE");
    assertThat(devel.get("/api/v2/webapps/" + name).json().getString("name"))
        .isEqualTo("Test " + name);
    assertThat(Api.anonymous().get("/api/v2/webapps/sleep").json().getString("name"))
        .isNotEqualTo("Taken over");
  }

  @Test
  void anonymousCallersMayReadButNotChange() {
    Api anonymous = Api.anonymous();

    assertThat(anonymous.get("/api/v2/webapps/sleep").status()).isEqualTo(200);
    assertThat(anonymous.get("/api/v2/webapps/sleep").json())
        .doesNotContainKey("sandbox")
        .doesNotContainKey("ownerEmail");
    assertThat(anonymous.patch("/api/v2/webapps/sleep", "{\"name\":\"x\"}").status())
        .isEqualTo(401);
    assertThat(anonymous.patch("/api/v2/webapps/" + name, "{\"name\":\"x\"}").status())
        .isEqualTo(401);
    assertThat(Webapps.create(anonymous, Webapps.uniqueDockerName()).status()).isEqualTo(401);
  }

  @Test
  void aWebappIsPrivateUntilItsFirstReadyVersion() throws Exception {
    assertThat(devel.get("/api/v2/webapps/" + name).json().getString("visibility"))
        .isEqualTo("PUBLIC");

    for (Api other : new Api[] {guest, Api.anonymous()}) {
      assertThat(other.get("/api/v2/webapps/" + name).status()).isEqualTo(404);
      assertThat(other.get("/api/v2/webapps/" + name + "/versions").status()).isEqualTo(404);
      assertThat(other.get("/api/v2/webapps").body()).doesNotContain("\"" + name + "\"");
    }
    assertThat(Server.get("/app?name=" + name).statusCode()).isEqualTo(404);
    assertThat(Server.get("/?q=" + name).body()).doesNotContain("/app?name=" + name);
    assertThat(Server.get("/").body()).doesNotContain("/app?name=" + name);
    // Its managers see it, to build it.
    assertThat(devel.get("/api/v2/webapps/" + name).status()).isEqualTo(200);
    assertThat(devel.get("/api/v2/webapps").body()).contains("\"" + name + "\"");
    assertThat(Api.asDevelopmentUser("admin@localhost").get("/api/v2/webapps/" + name).status())
        .isEqualTo(200);
  }

  @Test
  void privateWebappsAreHiddenFromOthers() throws Exception {
    String ready =
        ScriptWebapp.make(
            devel, Engine.HOST, Server.ENVIRONMENT, "hidden", "/usr/local/bin/h", "#!/bin/sh\n");
    try {
      // Public with a READY version: everyone sees it.
      assertThat(guest.get("/api/v2/webapps/" + ready).status()).isEqualTo(200);
      assertThat(guest.get("/api/v2/webapps").body()).contains("\"" + ready + "\"");
      assertThat(Server.get("/app?name=" + ready).statusCode()).isEqualTo(200);
      assertThat(Server.get("/?q=" + ready).body()).contains("/app?name=" + ready);

      devel.patch("/api/v2/webapps/" + ready, "{\"visibility\":\"PRIVATE\"}");

      assertThat(guest.get("/api/v2/webapps/" + ready).status()).isEqualTo(404);
      assertThat(guest.get("/api/v2/webapps").body()).doesNotContain("\"" + ready + "\"");
      assertThat(Api.anonymous().get("/api/v2/webapps/" + ready + "/versions").status())
          .isEqualTo(404);
      assertThat(Server.get("/?q=" + ready).body()).doesNotContain("/app?name=" + ready);
      assertThat(Server.get("/app?name=" + ready).statusCode()).isEqualTo(404);
      assertThat(devel.get("/api/v2/webapps").body()).contains("\"" + ready + "\"");
      assertThat(Api.asDevelopmentUser("admin@localhost").get("/api/v2/webapps/" + ready).status())
          .isEqualTo(200);
    } finally {
      devel.delete("/api/v2/webapps/" + ready);
    }
  }

  @Test
  void markdownIsRenderedWithoutRawHtmlOrScriptLinks() throws Exception {
    // Listed in the catalog only once it has a READY version.
    String name =
        ScriptWebapp.make(
            devel,
            Engine.HOST,
            Server.ENVIRONMENT,
            "markdown",
            "/usr/local/bin/md",
            "#!/bin/sh\necho md\n");
    // The catalog shows the first paragraph; a line starting with <script> is an HTML block.
    String hostile =
        "Some **bold**, <img src=x onerror=alert(2)>, [click](javascript:alert(3)),"
            + " ![i](javascript:alert(4)) and [a link](https://example.org/x).\n\n<script>alert(1)</script>";
    Api.Response edited =
        devel.patch(
            "/api/v2/webapps/" + name,
            Json.createObjectBuilder()
                .add("description", hostile)
                .add("documentation", hostile)
                .build()
                .toString());
    assertThat(edited.status()).as(edited.body()).isEqualTo(200);

    for (String page : new String[] {"/app?name=" + name, "/?q=" + name}) {
      String html = Server.get(page).body();

      assertThat(html)
          .as(page)
          .contains("<strong>bold</strong>")
          .contains("&lt;img src=x onerror=alert(2)&gt;")
          .contains(">click</a>")
          .contains("href=\"https://example.org/x\">a link</a>")
          .doesNotContain("<script>alert")
          .doesNotContainPattern("<img[^>]*onerror")
          .doesNotContain("javascript:alert");
    }
    assertThat(Server.get("/app?name=" + name).body())
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
  }

  @Test
  void onlySuperusersManageBaseImages() throws Exception {
    Api admin = Api.asDevelopmentUser("admin@localhost");
    String base = "it-base-" + UUID.randomUUID().toString().substring(0, 8);
    String path = "/api/v2/base-images/" + URLEncoder.encode(base, StandardCharsets.UTF_8);
    String body =
        Json.createObjectBuilder()
            .add("name", base)
            .add("image", "allgo/busybox:latest")
            .build()
            .toString();

    assertThat(devel.post("/api/v2/base-images", body).status()).isEqualTo(403);
    assertThat(Api.anonymous().get("/api/v2/base-images").body()).doesNotContain(base);
    assertThat(admin.post("/api/v2/base-images", body).status()).isEqualTo(201);
    try {
      assertThat(Api.anonymous().get("/api/v2/base-images").body()).contains(base);
      assertThat(admin.post("/api/v2/base-images", body).status()).isEqualTo(409);
      assertThat(
              admin
                  .post(
                      "/api/v2/base-images",
                      Json.createObjectBuilder()
                          .add("name", base + "-bad")
                          .add("image", "Not An Image")
                          .build()
                          .toString())
                  .status())
          .isEqualTo(400);
      Api.Response started =
          devel.post(
              "/api/v2/webapps/" + name + "/sandbox/start",
              Json.createObjectBuilder().add("baseImage", base).build().toString());
      assertThat(started.json().getJsonObject("sandbox").getString("image"))
          .as(started.body())
          .isEqualTo("allgo/busybox:latest");
      assertThat(devel.delete(path).status()).isEqualTo(403);
    } finally {
      assertThat(admin.delete(path).status()).isEqualTo(204);
    }
    assertThat(Api.anonymous().get("/api/v2/base-images").body()).doesNotContain(base);
    assertThat(
            devel
                .post(
                    "/api/v2/webapps/" + name + "/sandbox/start",
                    Json.createObjectBuilder().add("baseImage", base).build().toString())
                .status())
        .isEqualTo(400);
    assertThat(admin.delete(path).status()).isEqualTo(404);
  }

  @Test
  void onlySuperusersOpenTheNetwork() {
    String body = Json.createObjectBuilder().add("allowed", true).build().toString();

    assertThat(devel.put("/api/v2/webapps/" + name + "/network", body).status()).isEqualTo(403);
    assertThat(
            Api.asDevelopmentUser("admin@localhost")
                .put("/api/v2/webapps/" + name + "/network", body)
                .json()
                .getBoolean("networkAllowed"))
        .isTrue();
  }

  @Test
  void badFieldsAreRefusedWithAClearMessage() {
    assertThat(devel.patch("/api/v2/webapps/" + name, "{\"entrypoint\":\"relative/path\"}").body())
        .contains("absolute path");
    assertThat(devel.patch("/api/v2/webapps/" + name, "{\"memoryMb\":1}").status()).isEqualTo(400);
    assertThat(devel.patch("/api/v2/webapps/" + name, "{\"defaultQueue\":\"nope\"}").status())
        .isEqualTo(400);
    assertThat(devel.get("/api/v2/webapps/" + name).json().getInt("memoryMb")).isEqualTo(64);
  }
}
