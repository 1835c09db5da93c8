package org.allgo.it.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import org.allgo.it.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Who may do what with a webapp, and what a webapp may be called; refusals change nothing. */
class WebappRulesIT {

  private Api devel;
  private Api guest;
  private String name;

  @BeforeEach
  void createWebapp() {
    devel = Api.asDevelopmentUser("devel@localhost");
    guest = Api.asDevelopmentUser("guest@localhost");
    name = Webapps.uniqueDockerName();
    assertThat(Webapps.create(devel, name).status()).isEqualTo(201);
  }

  @Test
  void dockerNamesAreUnique() {
    Api.Response again = Webapps.create(guest, name);

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().toString()).contains("taken");
    assertThat(devel.get("/api/v2/webapps/" + name).json().getString("owner")).isEqualTo("devel@localhost");
  }

  @ParameterizedTest
  @ValueSource(strings = {"A", "Upper", "-lead", "trail-", "has space", "dots.no", "x", "semi;colon",
      "very-long-name-very-long-name-very-long-name-very-long-name-very-long"})
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

    assertThat(edit.status()).isEqualTo(403);
    assertThat(start.status()).isEqualTo(403);
    assertThat(delete.status()).isEqualTo(403);
    assertThat(devel.get("/api/v2/webapps/" + name).json().getString("name")).isEqualTo("Test " + name);
  }

  @Test
  void anonymousCallersMayReadButNotChange() {
    Api anonymous = Api.anonymous();

    assertThat(anonymous.get("/api/v2/webapps/" + name).status()).isEqualTo(200);
    assertThat(anonymous.get("/api/v2/webapps/" + name).json()).doesNotContainKey("sandbox");
    assertThat(anonymous.patch("/api/v2/webapps/" + name, "{\"name\":\"x\"}").status()).isEqualTo(401);
    assertThat(Webapps.create(anonymous, Webapps.uniqueDockerName()).status()).isEqualTo(401);
  }

  @Test
  void privateWebappsAreHiddenFromOthers() {
    devel.patch("/api/v2/webapps/" + name, "{\"visibility\":\"PRIVATE\"}");

    assertThat(guest.get("/api/v2/webapps/" + name).status()).isEqualTo(404);
    assertThat(guest.get("/api/v2/webapps").body()).doesNotContain(name);
    assertThat(Api.asDevelopmentUser("admin@localhost").get("/api/v2/webapps/" + name).status()).isEqualTo(200);
  }

  @Test
  void onlySuperusersOpenTheNetwork() {
    String body = Json.createObjectBuilder().add("allowed", true).build().toString();

    assertThat(devel.put("/api/v2/webapps/" + name + "/network", body).status()).isEqualTo(403);
    assertThat(Api.asDevelopmentUser("admin@localhost").put("/api/v2/webapps/" + name + "/network", body)
        .json().getBoolean("networkAllowed")).isTrue();
  }

  @Test
  void badFieldsAreRefusedWithAClearMessage() {
    assertThat(devel.patch("/api/v2/webapps/" + name, "{\"entrypoint\":\"relative/path\"}").body())
        .contains("absolute path");
    assertThat(devel.patch("/api/v2/webapps/" + name, "{\"memoryMb\":1}").status()).isEqualTo(400);
    assertThat(devel.patch("/api/v2/webapps/" + name, "{\"defaultQueue\":\"nope\"}").status()).isEqualTo(400);
    assertThat(devel.get("/api/v2/webapps/" + name).json().getInt("memoryMb")).isEqualTo(64);
  }
}
