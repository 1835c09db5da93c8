package org.allgo.dispatch.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailSpanTest {

  @Test
  void thresholdsReadInWholeUnits() {
    assertThat(JobTransitions.span(0)).isEqualTo("0 seconds");
    assertThat(JobTransitions.span(1)).isEqualTo("1 second");
    assertThat(JobTransitions.span(90)).isEqualTo("90 seconds");
    assertThat(JobTransitions.span(60)).isEqualTo("1 minute");
    assertThat(JobTransitions.span(180)).isEqualTo("3 minutes");
    assertThat(JobTransitions.span(3600)).isEqualTo("1 hour");
    assertThat(JobTransitions.span(7200)).isEqualTo("2 hours");
  }
}
