package org.allgo.pages;

import static org.assertj.core.api.Assertions.assertThat;

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
}
