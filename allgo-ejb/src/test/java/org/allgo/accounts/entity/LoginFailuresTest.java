package org.allgo.accounts.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginFailuresTest {

  private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");
  private static final LoginFailures.Rule RULE = LoginFailures.ACCOUNT_FROM_ADDRESS;

  @Test
  void theFreeTriesAreNotDelayedThenEachFailureDoublesTheDelay() {
    LoginFailures failures = new LoginFailures(LoginFailures.accountFrom("a@b.org", "192.0.2.1"));
    for (int i = 0; i < 4; i++) {
      failures.record(RULE, NOW);
      assertThat(failures.blockedAt(NOW)).isEmpty();
    }

    failures.record(RULE, NOW);
    assertThat(failures.blockedAt(NOW)).contains(NOW.plusSeconds(30));
    assertThat(failures.blockedAt(NOW.plusSeconds(30))).isEmpty();

    failures.record(RULE, NOW.plusSeconds(30));
    assertThat(failures.blockedAt(NOW.plusSeconds(30))).contains(NOW.plusSeconds(90));
    failures.record(RULE, NOW.plusSeconds(90));
    assertThat(failures.blockedAt(NOW.plusSeconds(90))).contains(NOW.plusSeconds(210));
  }

  @Test
  void theDelayStopsGrowingAtItsMaximum() {
    assertThat(RULE.delay(4)).isZero();
    assertThat(RULE.delay(5)).isEqualTo(Duration.ofSeconds(30));
    assertThat(RULE.delay(9)).isEqualTo(Duration.ofMinutes(8));
    assertThat(RULE.delay(12)).isEqualTo(Duration.ofHours(1));
    assertThat(RULE.delay(10_000)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void aKeyWithoutFailuresForAWhileStartsAgain() {
    LoginFailures failures = new LoginFailures(LoginFailures.address("192.0.2.1"));
    for (int i = 0; i < 25; i++) {
      failures.record(LoginFailures.ADDRESS, NOW);
    }
    assertThat(failures.blockedAt(NOW)).isPresent();

    Instant later = NOW.plus(Duration.ofHours(2));
    failures.record(LoginFailures.ADDRESS, later);

    assertThat(failures.failures()).isEqualTo(1);
    assertThat(failures.blockedAt(later)).isEmpty();
  }

  @Test
  void aForgivenAttemptIsAsIfItHadNotBeenCounted() {
    LoginFailures failures = new LoginFailures(LoginFailures.address("192.0.2.1"));
    for (int i = 0; i < 20; i++) {
      failures.record(LoginFailures.ADDRESS, NOW);
    }
    assertThat(failures.blockedAt(NOW)).contains(NOW.plus(Duration.ofMinutes(1)));

    failures.forgiveOne(LoginFailures.ADDRESS, NOW);

    assertThat(failures.failures()).isEqualTo(19);
    assertThat(failures.blockedAt(NOW)).isEmpty();
  }
}
