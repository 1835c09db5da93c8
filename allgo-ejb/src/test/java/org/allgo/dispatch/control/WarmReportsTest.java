package org.allgo.dispatch.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WarmReportsTest {

  private static final String SLOT = "0123456789abcdef";

  @Test
  void anExitIsOneLineOfCodeAndBytes() {
    assertThat(WarmReports.parse(SLOT, "exit 0 16\n")).contains(new WarmExitReported(SLOT, 0, 16));
    assertThat(WarmReports.parse(SLOT, "exit 127 47\n"))
        .contains(new WarmExitReported(SLOT, 127, 47));
    assertThat(WarmReports.parse(SLOT, "exit 255 0\n"))
        .contains(new WarmExitReported(SLOT, 255, 0));
  }

  @Test
  void anythingElseIsNoReport() {
    // The job's program may connect too: what is not a whole report changes nothing.
    assertThat(WarmReports.parse(SLOT, "exit 256 1\n")).isEmpty();
    assertThat(WarmReports.parse(SLOT, "exit -1 1\n")).isEmpty();
    assertThat(WarmReports.parse(SLOT, "exit 0 16")).isEmpty();
    assertThat(WarmReports.parse(SLOT, "exit 0\n")).isEmpty();
    assertThat(WarmReports.parse(SLOT, "exit 0 9999999999999999999\n")).isEmpty();
    assertThat(WarmReports.parse(SLOT, "exit 0 1\nexit 0 2\n")).isEmpty();
    assertThat(WarmReports.parse(SLOT, "")).isEmpty();
  }
}
