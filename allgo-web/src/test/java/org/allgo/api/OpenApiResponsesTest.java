package org.allgo.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenApiResponsesTest {

  @Test
  void everyOperationMayMeetTheTokenTheRateLimitAndTheDatabase() {
    assertThat(OpenApiResponses.errors(false, "public", false, false, false))
        .containsOnlyKeys("401", "429", "500", "503");
  }

  @Test
  void aBodyOrParametersMayBeInvalidAndABodyTooLarge() {
    assertThat(OpenApiResponses.errors(false, "caller", false, true, false))
        .containsKeys("400", "413");
    assertThat(OpenApiResponses.errors(false, "caller", false, false, true))
        .containsKey("400")
        .doesNotContainKey("413");
  }

  @Test
  void theOriginalApiAnswersInvalidInputWith422() {
    assertThat(OpenApiResponses.errors(true, "caller", false, true, false))
        .containsKey("422")
        .doesNotContainKey("400");
  }

  @Test
  void whoMayCallItSaysTheRefusals() {
    assertThat(OpenApiResponses.errors(false, "superuser", false, false, false))
        .containsKey("403")
        .doesNotContainKey("404");
    assertThat(OpenApiResponses.errors(false, "owner", true, false, false))
        .containsKeys("403", "404");
    assertThat(OpenApiResponses.errors(false, "private", true, false, false))
        .containsKey("404")
        .doesNotContainKey("403");
    assertThat(OpenApiResponses.errors(false, "self", true, false, false))
        .containsKey("404")
        .doesNotContainKey("403");
    assertThat(OpenApiResponses.errors(false, "public", true, false, false)).containsKey("404");
  }
}
