package org.allgo.ssh.control;

import java.time.Duration;
import java.util.Objects;

/**
 * How the SSH front end holds back those who have not signed in: how long a connection may stay
 * unauthenticated, how many connections may be unauthenticated at once, in all and from one
 * address, and how many failed sign-ins an address may have in a window before its new connections
 * are refused until the window has passed over them.
 *
 * @param maxFailuresPerAddress failed key attempts of connections that ended unauthenticated (one
 *     at least for each such connection)
 */
public record LoginLimits(
    Duration authTimeout,
    int maxUnauthenticated,
    int maxUnauthenticatedPerAddress,
    int maxFailuresPerAddress,
    Duration failureWindow) {

  /**
   * A minute to sign in; 30 connections signing in at once, 10 from one address; 30 failures an
   * address in 10 minutes (five connections trying their 6 keys each).
   */
  public static final LoginLimits DEFAULT =
      new LoginLimits(Duration.ofMinutes(1), 30, 10, 30, Duration.ofMinutes(10));

  public LoginLimits {
    Objects.requireNonNull(authTimeout, "authTimeout");
    Objects.requireNonNull(failureWindow, "failureWindow");
    if (authTimeout.isNegative()
        || authTimeout.isZero()
        || failureWindow.isNegative()
        || failureWindow.isZero()) {
      throw new IllegalArgumentException("Login time limits must be positive");
    }
    if (maxUnauthenticated < 1 || maxUnauthenticatedPerAddress < 1 || maxFailuresPerAddress < 1) {
      throw new IllegalArgumentException("Login limits must be positive");
    }
  }

  public LoginLimits withAuthTimeout(Duration value) {
    return new LoginLimits(
        value,
        maxUnauthenticated,
        maxUnauthenticatedPerAddress,
        maxFailuresPerAddress,
        failureWindow);
  }
}
