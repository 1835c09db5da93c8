package org.allgo.ssh.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginAttemptsTest {

  private static final InetAddress A = address(10, 0, 0, 1);
  private static final InetAddress B = address(10, 0, 0, 2);

  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public Instant instant() {
          return now;
        }

        @Override
        public java.time.ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }
      };

  private static InetAddress address(int... bytes) {
    try {
      return InetAddress.getByAddress(
          new byte[] {(byte) bytes[0], (byte) bytes[1], (byte) bytes[2], (byte) bytes[3]});
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private LoginAttempts attempts(int all, int perAddress, int failures) {
    return new LoginAttempts(
        new LoginLimits(Duration.ofSeconds(30), all, perAddress, failures, Duration.ofMinutes(10)),
        clock);
  }

  @Test
  void connectionsSigningInAreCappedInAllAndPerAddress() {
    LoginAttempts attempts = attempts(3, 2, 100);

    assertThat(attempts.admit(A)).isEmpty();
    assertThat(attempts.admit(A)).isEmpty();
    assertThat(attempts.admit(A)).hasValueSatisfying(r -> assertThat(r).contains("10.0.0.1"));
    assertThat(attempts.admit(B)).isEmpty();
    assertThat(attempts.admit(B)).hasValueSatisfying(r -> assertThat(r).contains("3 connections"));

    attempts.signedIn(A);
    assertThat(attempts.signingIn()).isEqualTo(2);
    assertThat(attempts.admit(B)).isEmpty();
  }

  @Test
  void anAddressThatFailedTooOftenIsRefusedUntilItsFailuresAreOutOfTheWindow() {
    LoginAttempts attempts = attempts(10, 10, 5);
    for (int i = 0; i < 2; i++) {
      assertThat(attempts.admit(A)).isEmpty();
      attempts.failed(A, 2);
    }
    assertThat(attempts.admit(A)).isEmpty();
    attempts.failed(A, 0);

    now = now.plusSeconds(60);
    assertThat(attempts.admit(A))
        .hasValueSatisfying(r -> assertThat(r).contains("failed to sign in 5 times"));
    assertThat(attempts.admit(B)).as("another address").isEmpty();
    assertThat(attempts.signingIn()).isEqualTo(1);

    now = now.plus(Duration.ofMinutes(10));
    assertThat(attempts.admit(A)).isEmpty();
  }

  @Test
  void signingInForgivesNothingButCountsNoFailure() {
    LoginAttempts attempts = attempts(10, 10, 2);

    attempts.admit(A);
    attempts.signedIn(A);
    attempts.admit(A);
    attempts.failed(A, 1);

    assertThat(attempts.admit(A)).isEmpty();
    assertThat(attempts.signingIn()).isEqualTo(1);
  }
}
