package org.allgo.accounts.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.allgo.platform.BusinessException;
import org.junit.jupiter.api.Test;

class MailTokenTest {

  private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");

  private static MailToken token(TokenPurpose purpose) {
    User user = new User("a@b.org", "A", "hash", Role.USER, AccountState.UNCONFIRMED, NOW);
    return new MailToken(user, purpose, "0".repeat(64), "a@b.org", NOW);
  }

  @Test
  void isUsedOnce() {
    MailToken token = token(TokenPurpose.CONFIRMATION);

    token.use(NOW.plusSeconds(60));

    BusinessException again =
        assertThrows(BusinessException.class, () -> token.use(NOW.plusSeconds(61)));
    assertThat(again.code()).isEqualTo("link-used");
    assertThat(again.kind()).isEqualTo(BusinessException.Kind.GONE);
  }

  @Test
  void expiresAfterItsPurposesLifetime() {
    MailToken reset = token(TokenPurpose.PASSWORD_RESET);
    assertThat(reset.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(6)));

    BusinessException e =
        assertThrows(BusinessException.class, () -> reset.use(NOW.plus(Duration.ofHours(6))));

    assertThat(e.code()).isEqualTo("link-expired");
    assertThat(reset.isUsed()).isFalse();
  }

  @Test
  void aRevokedTokenCountsAsUsed() {
    MailToken token = token(TokenPurpose.CONFIRMATION);

    token.revoke(NOW);

    assertThat(assertThrows(BusinessException.class, () -> token.check(NOW)).code())
        .isEqualTo("link-used");
  }
}
