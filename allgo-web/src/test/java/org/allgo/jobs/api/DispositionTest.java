package org.allgo.jobs.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DispositionTest {

  @Test
  void whatABrowserShowsSafelyIsInlineTheRestIsSaved() {
    assertThat(Disposition.of("allgo.log", "text/plain;charset=UTF-8"))
        .isEqualTo("inline; filename=\"allgo.log\"; filename*=UTF-8''allgo.log");
    assertThat(Disposition.of("plot.PNG", "image/png")).startsWith("inline;");
    assertThat(Disposition.of("paper.pdf", "application/pdf")).startsWith("inline;");
    assertThat(Disposition.of("out.json", "application/json")).startsWith("attachment;");
    assertThat(Disposition.of("page.html", "text/html")).startsWith("attachment;");
    assertThat(Disposition.of("drawing.svg", "image/svg+xml")).startsWith("attachment;");
    assertThat(Disposition.of("data.bin", null)).startsWith("attachment;");
  }

  @Test
  void aNameOutsideAsciiKeepsItsExactFormAndAnAsciiFallback() {
    assertThat(Disposition.attachment("café \"1\".txt"))
        .isEqualTo(
            "attachment; filename=\"caf_ _1_.txt\"; filename*=UTF-8''caf%C3%A9%20%221%22.txt");
  }
}
