package org.allgo.accounts.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.allgo.platform.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountRulesTest {

  @Test
  void cleansEmailAddresses() {
    assertThat(AccountRules.email("  Alice.Smith+lab@Example.ORG "))
        .isEqualTo("alice.smith+lab@example.org");
    assertThat(AccountRules.email("admin@localhost")).isEqualTo("admin@localhost");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "alice",
        "alice@",
        "@example.org",
        "a b@example.org",
        "alice@exa mple.org",
        "alice@@example.org",
        "alice@-example.org",
        "alice@example..org",
        ".alice@example.org",
        "alice.@example.org",
        "<script>@example.org",
        "alice\n@example.org"
      })
  void refusesInvalidEmailAddresses(String email) {
    BusinessException e = assertThrows(BusinessException.class, () -> AccountRules.email(email));

    assertThat(e.kind()).isEqualTo(BusinessException.Kind.INVALID);
  }

  @Test
  void refusesOverlongEmailAddresses() {
    String email = "a".repeat(64) + "@" + ("b".repeat(60) + ".").repeat(4) + "org";

    assertThat(assertThrows(BusinessException.class, () -> AccountRules.email(email)).code())
        .isEqualTo("email-too-long");
    assertThrows(BusinessException.class, () -> AccountRules.email(null));
  }

  @Test
  void namesAreTrimmedAndBounded() {
    assertThat(AccountRules.name("  Ada Lovelace ")).isEqualTo("Ada Lovelace");
    assertThat(
            assertThrows(BusinessException.class, () -> AccountRules.name("x".repeat(101))).code())
        .isEqualTo("name-too-long");
    assertThrows(BusinessException.class, () -> AccountRules.name(" "));
    assertThrows(BusinessException.class, () -> AccountRules.name("a\u0000b"));
  }

  @Test
  void acceptsPasswordsOfTenCharactersAndTwoKinds() {
    assertThat(AccountRules.password("correct horse 7", "a@b.org")).isEqualTo("correct horse 7");
    assertThat(AccountRules.password("abcdefghiJ", "a@b.org")).isEqualTo("abcdefghiJ");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Short1!",
        "alllowercaseletters",
        "ALLUPPERCASE",
        "12345678901234",
        "alice@example.org",
        "ALICE@example.org"
      })
  void refusesWeakPasswords(String password) {
    BusinessException e =
        assertThrows(
            BusinessException.class, () -> AccountRules.password(password, "alice@example.org"));

    assertThat(e.code()).isEqualTo("weak-password");
  }

  @Test
  void refusesMissingAndOverlongPasswords() {
    assertThat(
            assertThrows(BusinessException.class, () -> AccountRules.password("", "a@b.org"))
                .code())
        .isEqualTo("password-missing");
    assertThat(
            assertThrows(
                    BusinessException.class,
                    () -> AccountRules.password("aB1".repeat(50), "a@b.org"))
                .code())
        .isEqualTo("password-too-long");
  }

  @Test
  void aJobMailThresholdIsFromNoneToADay() {
    assertThat(AccountRules.notifyAfterSeconds(0)).isZero();
    assertThat(AccountRules.notifyAfterSeconds(86_400)).isEqualTo(86_400);
    assertThat(
            assertThrows(BusinessException.class, () -> AccountRules.notifyAfterSeconds(-1)).code())
        .isEqualTo("invalid-notify-after");
    assertThrows(BusinessException.class, () -> AccountRules.notifyAfterSeconds(86_401));
  }
}
