package org.allgo.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.allgo.webapps.entity.Visibility;
import org.allgo.webapps.entity.WebappView;
import org.junit.jupiter.api.Test;

class FormatsTest {

  private final Formats formats = new Formats();

  @Test
  void secondsReadAsMinutesAndHoursWhenLong() {
    assertThat(formats.seconds(0.4)).isEqualTo("0s");
    assertThat(formats.seconds(59.4)).isEqualTo("59s");
    assertThat(formats.seconds(65)).isEqualTo("1m 05s");
    assertThat(formats.seconds(3600 * 2 + 180)).isEqualTo("2h 03m");
    assertThat(formats.seconds(-3)).isEqualTo("0s");
  }

  @Test
  void statesReadAsWords() {
    assertThat(formats.word("RUNNING")).isEqualTo("Running");
    assertThat(formats.word("OUT_OF_MEMORY")).isEqualTo("Out of memory");
    assertThat(formats.word("NONE")).isEmpty();
    assertThat(formats.word(null)).isEmpty();
    assertThat(formats.word(java.time.DayOfWeek.MONDAY)).isEqualTo("Monday");
  }

  @Test
  void aPublicWebappWithoutAVersionToRunReadsAsPrivateUntilOneIsReady() {
    assertThat(formats.visibility(webapp(Visibility.PUBLIC, null)))
        .isEqualTo("Private until a version is ready");
    assertThat(formats.visibility(webapp(Visibility.PUBLIC, "1.0"))).isEqualTo("Public");
    assertThat(formats.visibility(webapp(Visibility.PRIVATE, "1.0"))).isEqualTo("Private");
    assertThat(formats.visibility(webapp(Visibility.PRIVATE, null))).isEqualTo("Private");
  }

  private static WebappView webapp(Visibility visibility, String defaultVersion) {
    return new WebappView(
        1,
        "Tool",
        "tool",
        "",
        "",
        null,
        "owner",
        null,
        visibility,
        null,
        512,
        "/usr/local/bin/tool",
        "",
        false,
        defaultVersion,
        Instant.EPOCH,
        null);
  }
}
