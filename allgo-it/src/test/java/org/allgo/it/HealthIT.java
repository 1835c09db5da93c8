package org.allgo.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HealthIT {

  @Test
  void everyRequiredPartIsUp() throws Exception {
    HttpResponse<String> response = Server.get("/health");

    JsonObject body = Server.json(response);
    Map<String, String> states =
        body.getJsonArray("checks").stream()
            .map(JsonValue::asJsonObject)
            .collect(Collectors.toMap(c -> c.getString("name"), c -> c.getString("status")));
    assertThat(states)
        .as(response.body())
        .containsEntry("database", "UP")
        .containsEntry("docker", "UP")
        .containsEntry("registry", "UP")
        .containsEntry("mail", "UP");
    assertThat(body.getString("status")).isEqualTo("UP");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
  }

  @Test
  void dockerCheckNamesTheEnvironmentItServes() throws Exception {
    JsonObject docker =
        Server.json(Server.get("/health/ready")).getJsonArray("checks").stream()
            .map(JsonValue::asJsonObject)
            .filter(c -> c.getString("name").equals("docker"))
            .findFirst()
            .orElseThrow();

    assertThat(docker.getJsonObject("data").getString("environment")).isEqualTo(Server.ENVIRONMENT);
  }

  @Test
  void livenessAnswersWithoutTheDependencies() throws Exception {
    HttpResponse<String> response = Server.get("/health/live");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Server.json(response).getString("status")).isEqualTo("UP");
  }
}
