package org.allgo.ssh.control;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The connections signing in and the failed sign-ins, by client address, held to {@link
 * LoginLimits}. A connection is {@link #admit}ted or refused with the reason; it leaves either
 * signed in or having failed. Thread-safe; what it keeps of an address goes once its failures are
 * out of the window.
 */
final class LoginAttempts {

  private final LoginLimits limits;
  private final Clock clock;
  private final Map<InetAddress, Integer> signingIn = new HashMap<>();
  private final Map<InetAddress, Deque<Instant>> failures = new HashMap<>();
  private int total;

  LoginAttempts(LoginLimits limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
  }

  /** Counts a new connection from {@code address} as signing in, or says why it is refused. */
  synchronized Optional<String> admit(InetAddress address) {
    int failed = recentFailures(address);
    if (failed >= limits.maxFailuresPerAddress()) {
      return Optional.of(
          address.getHostAddress()
              + " failed to sign in "
              + failed
              + " times within "
              + limits.failureWindow());
    }
    if (total >= limits.maxUnauthenticated()) {
      return Optional.of(total + " connections are signing in already");
    }
    int fromAddress = signingIn.getOrDefault(address, 0);
    if (fromAddress >= limits.maxUnauthenticatedPerAddress()) {
      return Optional.of(
          fromAddress + " connections from " + address.getHostAddress() + " are signing in");
    }
    signingIn.put(address, fromAddress + 1);
    total++;
    return Optional.empty();
  }

  /** An admitted connection signed in. */
  synchronized void signedIn(InetAddress address) {
    leave(address);
  }

  /**
   * An admitted connection ended without signing in, after {@code failedAttempts} refused keys:
   * that many failures, one at least.
   */
  synchronized void failed(InetAddress address, int failedAttempts) {
    leave(address);
    Deque<Instant> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
    Instant now = clock.instant();
    for (int i = 0; i < Math.max(1, failedAttempts); i++) {
      times.addLast(now);
    }
    while (times.size() > limits.maxFailuresPerAddress()) {
      times.removeFirst();
    }
  }

  /** Connections signing in now, in all. */
  synchronized int signingIn() {
    return total;
  }

  private void leave(InetAddress address) {
    Integer count = signingIn.get(address);
    if (count == null) {
      return;
    }
    if (count <= 1) {
      signingIn.remove(address);
    } else {
      signingIn.put(address, count - 1);
    }
    total--;
  }

  // Failures within the window; the older ones, and addresses left with none, are forgotten.
  private int recentFailures(InetAddress address) {
    Instant since = clock.instant().minus(limits.failureWindow());
    failures
        .values()
        .removeIf(
            times -> {
              while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
                times.removeFirst();
              }
              return times.isEmpty();
            });
    Deque<Instant> times = failures.get(address);
    return times == null ? 0 : times.size();
  }
}
