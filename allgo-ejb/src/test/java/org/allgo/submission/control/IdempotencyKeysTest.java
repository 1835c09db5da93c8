package org.allgo.submission.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.allgo.platform.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeysTest {

  @Test
  void aKeyIsTheSameQuotedOrNotAndKeptAsItsHash() {
    String hash = IdempotencyKeys.hash("8e03978e-40d5-43e8-bc93-6894a57f9324");

    assertThat(IdempotencyKeys.hash("\"8e03978e-40d5-43e8-bc93-6894a57f9324\"")).isEqualTo(hash);
    assertThat(hash).hasSize(64).doesNotContain("8e03978e");
    assertThat(IdempotencyKeys.hash("8E03978E-40D5-43E8-BC93-6894A57F9324")).isNotEqualTo(hash);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "\"\"", "clé", "tab\there"})
  void malformedKeysAreRefused(String key) {
    BusinessException refused =
        assertThrows(BusinessException.class, () -> IdempotencyKeys.hash(key));

    assertThat(refused.code()).isEqualTo("idempotency-key-invalid");
    assertThat(refused.kind().status()).isEqualTo(400);
  }

  @Test
  void keysAreAtMost255Characters() {
    assertThat(IdempotencyKeys.hash("k".repeat(255))).hasSize(64);
    assertThrows(BusinessException.class, () -> IdempotencyKeys.hash("k".repeat(256)));
  }
}
