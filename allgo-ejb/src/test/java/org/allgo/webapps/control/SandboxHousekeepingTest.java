package org.allgo.webapps.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SandboxHousekeepingTest {

  @Test
  void looksEveryQuarterOfTheIdleTimeWithinBounds() {
    assertThat(SandboxHousekeeping.period(Duration.ofHours(24))).isEqualTo(Duration.ofMinutes(10));
    assertThat(SandboxHousekeeping.period(Duration.ofMinutes(20))).isEqualTo(Duration.ofMinutes(5));
    assertThat(SandboxHousekeeping.period(Duration.ofSeconds(40)))
        .isEqualTo(Duration.ofSeconds(10));
    assertThat(SandboxHousekeeping.period(Duration.ofSeconds(8))).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void saysTheIdleTimeInTheLargestWholeUnit() {
    assertThat(SandboxHousekeeping.inWords(Duration.ofHours(24))).isEqualTo("24 hours");
    assertThat(SandboxHousekeeping.inWords(Duration.ofHours(1))).isEqualTo("1 hour");
    assertThat(SandboxHousekeeping.inWords(Duration.ofMinutes(90))).isEqualTo("90 minutes");
    assertThat(SandboxHousekeeping.inWords(Duration.ofSeconds(40))).isEqualTo("40 seconds");
    assertThat(SandboxHousekeeping.inWords(Duration.ofMillis(1500))).isEqualTo("1 second");
  }
}
