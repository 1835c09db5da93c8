package org.allgo.accounts.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserMailsTest {

  private final User user =
      new User("a@b.org", "A", "hash", Role.USER, AccountState.ACTIVE, Instant.EPOCH);

  @Test
  void aNewAccountIsMailedAboutJobsOfThreeMinutesOrMoreOnly() {
    assertThat(user.notifyJobFinished()).isTrue();
    assertThat(user.notifyAfterSeconds()).isEqualTo(180);
    assertThat(user.wantsMailAfter(Duration.ofSeconds(3))).isFalse();
    assertThat(user.wantsMailAfter(Duration.ofSeconds(179))).isFalse();
    assertThat(user.wantsMailAfter(Duration.ofSeconds(180))).isTrue();
    assertThat(user.wantsMailAfter(null)).as("a job that never ran").isFalse();
  }

  @Test
  void aThresholdOfZeroMailsAboutEveryJob() {
    user.notifyAfterSeconds(0);

    assertThat(user.wantsMailAfter(Duration.ofMillis(200))).isTrue();
    assertThat(user.wantsMailAfter(null)).isTrue();
    assertThat(user.view().notifyAfterSeconds()).isZero();
  }
}
