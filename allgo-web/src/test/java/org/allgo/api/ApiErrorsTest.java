package org.allgo.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class ApiErrorsTest {

  @Test
  void version2AnswersProblemDetails() {
    JsonObject body = ApiErrors.body("v2/account", 404, "ssh-key-not-found", "No such key.");

    assertThat(ApiErrors.mediaType("/api/v2/account")).isEqualTo("application/problem+json");
    assertThat(body.getString("type")).isEqualTo("urn:allgo:problem:ssh-key-not-found");
    assertThat(body.getString("title")).isEqualTo("Not Found");
    assertThat(body.getInt("status")).isEqualTo(404);
    assertThat(body.getString("detail")).isEqualTo("No such key.");
  }

  @Test
  void otherVersionsAnswerAnErrorMember() {
    JsonObject body = ApiErrors.body("/api/v1/jobs", 401, "token-invalid", "Bad token.");

    assertThat(ApiErrors.isV2("/api/v1/jobs")).isFalse();
    assertThat(ApiErrors.isV2("v20/x")).isFalse();
    assertThat(ApiErrors.mediaType("v1/jobs")).isEqualTo("application/json");
    assertThat(body).containsOnlyKeys("error");
    assertThat(body.getString("error")).isEqualTo("Bad token.");
  }
}
