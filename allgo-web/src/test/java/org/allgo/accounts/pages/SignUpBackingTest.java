package org.allgo.accounts.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignUpBackingTest {

  @Test
  void eachRuleOfTheAccountIsToldNextToItsField() {
    assertThat(SignUpBacking.fieldOf("name-missing")).contains("name");
    assertThat(SignUpBacking.fieldOf("name-too-long")).contains("name");
    assertThat(SignUpBacking.fieldOf("email-invalid")).contains("email");
    assertThat(SignUpBacking.fieldOf("email-too-long")).contains("email");
    assertThat(SignUpBacking.fieldOf("password-missing")).contains("password");
    assertThat(SignUpBacking.fieldOf("weak-password")).contains("password");
  }

  @Test
  void otherRefusalsAreToldAboveTheForm() {
    assertThat(SignUpBacking.fieldOf("unavailable")).isEmpty();
    assertThat(SignUpBacking.fieldOf("email")).isEmpty();
  }
}
