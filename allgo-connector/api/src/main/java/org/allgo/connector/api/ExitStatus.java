package org.allgo.connector.api;

import java.time.Duration;
import java.time.Instant;

/**
 * How a container ended.
 *
 * @param oomKilled the kernel killed a process of the container for want of memory
 * @param timedOut the connector killed it because it outlived the time it was given
 */
public record ExitStatus(
    long exitCode, boolean oomKilled, boolean timedOut, Instant startedAt, Instant finishedAt) {

  public boolean succeeded() {
    return exitCode == 0 && !oomKilled && !timedOut;
  }

  public Duration duration() {
    return Duration.between(startedAt, finishedAt);
  }

  public ExitStatus withTimedOut() {
    return new ExitStatus(exitCode, oomKilled, true, startedAt, finishedAt);
  }
}
