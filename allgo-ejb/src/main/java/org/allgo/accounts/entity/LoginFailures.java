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
 * Failed sign-ins counted under one key: an account signed in to from one client address, or a
 * client address whatever the account. Past the rule's free tries, each failure refuses sign-in
 * under the key for a delay that doubles with every further failure; a key without failures for a
 * while starts again from nothing.
 */
@Entity
@Table(name = "login_throttle")
public class LoginFailures {

  /** How many failures a key may have without delay, and the delays after that. */
  public record Rule(int freeTries, Duration firstDelay, Duration maxDelay, Duration forgetAfter) {

    /** The delay after the {@code failures}-th failure: none before the free tries are used. */
    public Duration delay(int failures) {
      if (failures < freeTries) {
        return Duration.ZERO;
      }
      int doublings = Math.min(failures - freeTries, 20);
      Duration delay = firstDelay.multipliedBy(1L << doublings);
      return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
  }

  /** An account from one address: five tries, then 30 s, 1 min, 2 min, … up to an hour. */
  public static final Rule ACCOUNT_FROM_ADDRESS =
      new Rule(5, Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(1));

  /** One address, any account (password spraying): twenty tries, then 1 min, 2 min, … an hour. */
  public static final Rule ADDRESS =
      new Rule(20, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(1));

  @Id
  @Column(name = "throttle_key", length = 400)
  private String key;

  @Column(nullable = false)
  private int failures;

  @Column(name = "last_failure")
  private Instant lastFailure;

  @Column(name = "blocked_until")
  private Instant blockedUntil;

  protected LoginFailures() {}

  public LoginFailures(String key) {
    this.key = Objects.requireNonNull(key, "key");
  }

  /** The key of an account signed in to from an address. */
  public static String accountFrom(String email, String address) {
    return "account " + email + " from " + address;
  }

  /** The key of an address, whatever the account. */
  public static String address(String address) {
    return "address " + address;
  }

  /** Until when sign-in under this key is refused, if it is at {@code now}. */
  public Optional<Instant> blockedAt(Instant now) {
    return blockedUntil != null && now.isBefore(blockedUntil)
        ? Optional.of(blockedUntil)
        : Optional.empty();
  }

  /** Counts one more failure under {@code rule}; past its free tries, blocks for its delay. */
  public void record(Rule rule, Instant now) {
    if (lastFailure != null && !now.isBefore(lastFailure.plus(rule.forgetAfter()))) {
      failures = 0;
    }
    failures++;
    lastFailure = now;
    Duration delay = rule.delay(failures);
    blockedUntil = delay.isZero() ? null : now.plus(delay);
  }

  /** Takes back one failure counted before the password was checked, which turned out right. */
  public void forgiveOne(Rule rule, Instant now) {
    failures = Math.max(0, failures - 1);
    Duration delay = rule.delay(failures);
    blockedUntil = delay.isZero() || lastFailure == null ? null : lastFailure.plus(delay);
  }

  public int failures() {
    return failures;
  }
}
