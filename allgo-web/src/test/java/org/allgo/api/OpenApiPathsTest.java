package org.allgo.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenApiPathsTest {

  @Test
  void pathParametersLoseTheirRegularExpressions() {
    assertThat(OpenApiPaths.template("/api/v2/jobs/{id: [0-9]{1,18}}/events"))
        .isEqualTo("/api/v2/jobs/{id}/events");
    assertThat(
            OpenApiPaths.template(
                "/api/v2/webapps/{name: [a-z0-9][a-z0-9_-]{0,63}}/versions/{id: [0-9]{1,18}}"))
        .isEqualTo("/api/v2/webapps/{name}/versions/{id}");
    assertThat(OpenApiPaths.template("/api/v2/uploads/{id: [0-9a-f]{32}}"))
        .isEqualTo("/api/v2/uploads/{id}");
  }

  @Test
  void plainPathsStayAsTheyAre() {
    assertThat(OpenApiPaths.template("/api/v2/jobs")).isEqualTo("/api/v2/jobs");
    assertThat(OpenApiPaths.template("/api/v2/jobs/{id}")).isEqualTo("/api/v2/jobs/{id}");
  }
}
