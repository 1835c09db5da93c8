package org.allgo.accounts.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginFailuresTest {

  private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");

  @Test
  void fiveFailuresBlockForFifteenMinutes() {
    LoginFailures failures = new LoginFailures("a@b.org", NOW);
    for (int i = 0; i < 4; i++) {
      failures.record(NOW.plusSeconds(i));
      assertThat(failures.blockedAt(NOW.plusSeconds(i))).isEmpty();
    }

    failures.record(NOW.plusSeconds(10));

    assertThat(failures.blockedAt(NOW.plusSeconds(11)))
        .contains(NOW.plusSeconds(10).plus(Duration.ofMinutes(15)));
    assertThat(failures.blockedAt(NOW.plusSeconds(10).plus(Duration.ofMinutes(15)))).isEmpty();
  }

  @Test
  void failuresOutsideTheWindowStartAgain() {
    LoginFailures failures = new LoginFailures("a@b.org", NOW);
    for (int i = 0; i < 4; i++) {
      failures.record(NOW);
    }

    failures.record(NOW.plus(Duration.ofMinutes(16)));

    assertThat(failures.failures()).isEqualTo(1);
    assertThat(failures.blockedAt(NOW.plus(Duration.ofMinutes(16)))).isEmpty();
  }
}
