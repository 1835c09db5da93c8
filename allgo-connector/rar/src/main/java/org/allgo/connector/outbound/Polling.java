package org.allgo.connector.outbound;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.allgo.connector.api.DockerTimeoutException;

/** Waits for a condition by asking again, 20 ms apart at first and 250 ms at most. */
final class Polling {

  private static final long FIRST_MILLIS = 20;
  private static final long MAX_MILLIS = 250;

  private Polling() {}

  /** True when the condition held within {@code timeout}, false otherwise. */
  static boolean until(Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long delay = FIRST_MILLIS;
    while (!condition.getAsBoolean()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      sleep(Math.min(delay, Math.max(1, left / 1_000_000)));
      delay = Math.min(delay * 2, MAX_MILLIS);
    }
    return true;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DockerTimeoutException("Interrupted while waiting for the Docker engine", e);
    }
  }
}
