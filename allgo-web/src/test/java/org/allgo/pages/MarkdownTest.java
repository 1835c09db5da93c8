package org.allgo.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

  private final Markdown markdown = new Markdown();

  @Test
  void linksKeepOnlyWebAndMailTargets() {
    assertThat(markdown.html("[site](https://example.org/a)"))
        .contains("href=\"https://example.org/a\"");
    assertThat(markdown.html("[mail](mailto:a@example.org)"))
        .contains("href=\"mailto:a@example.org\"");
    assertThat(markdown.html("[page](docs/usage.html)")).contains("href=\"docs/usage.html\"");
    assertThat(markdown.html("[x](data:text/html;base64,PHNjcmlwdD4=)")).doesNotContain("data:");
    assertThat(markdown.html("[x](javascript:alert(1))")).doesNotContain("javascript:");
    assertThat(markdown.html("![img](data:image/svg+xml;base64,PHN2Zz4=)")).doesNotContain("data:");
  }

  @Test
  void rawHtmlIsEscaped() {
    assertThat(markdown.html("<script>alert(1)</script>")).doesNotContain("<script>");
  }
}
