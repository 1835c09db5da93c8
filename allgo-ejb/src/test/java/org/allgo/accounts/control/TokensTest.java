package org.allgo.accounts.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokensTest {

  @Test
  void tokensAreRandomUrlSafeAndWellFormed() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String token = Tokens.newToken();
      assertThat(token).hasSize(Tokens.LENGTH).matches("[A-Za-z0-9_-]+");
      assertThat(Tokens.isWellFormed(token)).isTrue();
      assertThat(seen.add(token)).isTrue();
    }
  }

  @Test
  void hashIsTheSha256InHex() {
    // printf abc | sha256sum
    assertThat(Tokens.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    String token = Tokens.newToken();
    assertThat(Tokens.hash(token))
        .hasSize(64)
        .isEqualTo(Tokens.hash(token))
        .isNotEqualTo(Tokens.hash(Tokens.newToken()));
  }

  @Test
  void forgedTextsAreNotWellFormed() {
    assertThat(Tokens.isWellFormed(null)).isFalse();
    assertThat(Tokens.isWellFormed("")).isFalse();
    assertThat(Tokens.isWellFormed("x".repeat(42))).isFalse();
    assertThat(Tokens.isWellFormed("x".repeat(42) + "=")).isFalse();
    assertThat(Tokens.isWellFormed("é".repeat(43))).isFalse();
    assertThat(Tokens.isWellFormed("' OR 1=1 --" + "x".repeat(32))).isFalse();
  }
}
