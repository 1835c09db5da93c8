package org.allgo.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Recent failed sign-ins for one e-mail address, known or not: after {@link #LIMIT} failures within
 * {@link #WINDOW}, sign-in is blocked for {@link #BLOCK}.
 */
@Entity
@Table(name = "login_failure")
public class LoginFailures {

  public static final int LIMIT = 5;
  public static final Duration WINDOW = Duration.ofMinutes(15);
  public static final Duration BLOCK = Duration.ofMinutes(15);

  @Id
  @Column(length = 254)
  private String email;

  @Column(nullable = false)
  private int failures;

  @Column(name = "window_start", nullable = false)
  private Instant windowStart;

  @Column(name = "blocked_until")
  private Instant blockedUntil;

  protected LoginFailures() {}

  public LoginFailures(String email, Instant now) {
    this.email = Objects.requireNonNull(email, "email");
    this.windowStart = Objects.requireNonNull(now, "now");
  }

  /** Until when sign-in is refused, if it is at {@code now}. */
  public Optional<Instant> blockedAt(Instant now) {
    return blockedUntil != null && now.isBefore(blockedUntil)
        ? Optional.of(blockedUntil)
        : Optional.empty();
  }

  /** Counts one more failure; the one that reaches the limit starts the block. */
  public void record(Instant now) {
    if (!now.isBefore(windowStart.plus(WINDOW))
        || (blockedUntil != null && !now.isBefore(blockedUntil))) {
      windowStart = now;
      failures = 0;
      blockedUntil = null;
    }
    failures++;
    if (failures >= LIMIT) {
      blockedUntil = now.plus(BLOCK);
    }
  }

  public int failures() {
    return failures;
  }
}
