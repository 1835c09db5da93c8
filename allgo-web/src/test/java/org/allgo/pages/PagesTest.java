package org.allgo.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PagesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"/", "/jobs", "/jobs?state=DONE&webapp=sleep", "/app?name=sleep", "/%2F%2Fx"})
  void aPathOfTheApplicationIsKept(String path) {
    assertThat(Pages.localPath(path, "/")).isEqualTo(path);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "https://evil.example/",
        "http://evil.example",
        "//evil.example/",
        "///evil.example/",
        "/\\evil.example/",
        "\\\\evil.example",
        "javascript:alert(1)",
        "evil.example",
        "jobs",
        "/\t/evil.example",
        "/jobs\r\nSet-Cookie: a=b",
        " /jobs"
      })
  void anythingElseGivesTheFallback(String candidate) {
    assertThat(Pages.localPath(candidate, "/")).isEqualTo("/");
  }

  @ParameterizedTest
  @ValueSource(ints = {501, 5000})
  void aVeryLongPathGivesTheFallback(int length) {
    assertThat(Pages.localPath("/" + "a".repeat(length - 1), "/")).isEqualTo("/");
  }
}
