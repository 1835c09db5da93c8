package org.allgo.webapps.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChecklistTest {

  @Test
  void aNewWebappHasNothingDone() {
    Checklist fresh = new Checklist(false, false, null, false, false);

    assertThat(fresh.done()).isZero();
    assertThat(fresh.programDone()).isFalse();
  }

  @Test
  void theProgramStepIsAskedOfTheSandboxOrShownByAReadyVersion() {
    assertThat(new Checklist(true, true, false, false, false).done()).isEqualTo(2);
    assertThat(new Checklist(true, true, true, false, false).done()).isEqualTo(3);
    Checklist published = new Checklist(true, false, null, true, true);
    assertThat(published.programDone()).isTrue();
    assertThat(published.sandboxDone()).as("its sandbox stopped after the commit").isTrue();
    assertThat(published.done()).isEqualTo(5);
    assertThat(new Checklist(false, false, null, true, false).done()).isEqualTo(3);
  }
}
