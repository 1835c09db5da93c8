package org.allgo.connector.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How a container ended.
 *
 * @param oomKilled the kernel killed a process of the container for want of memory
 * @param timedOut the connector killed it because it outlived the time it was given
 * @param failure why the platform, not the program, ended it (its swarm node was lost, the swarm
 *     could not start it); empty when the program ended by itself or was killed
 */
public record ExitStatus(
    long exitCode,
    boolean oomKilled,
    boolean timedOut,
    Instant startedAt,
    Instant finishedAt,
    Optional<String> failure) {

  public ExitStatus {
    Objects.requireNonNull(failure, "failure");
  }

  /** The end of a program: by itself, killed, or out of memory. */
  public ExitStatus(
      long exitCode, boolean oomKilled, boolean timedOut, Instant startedAt, Instant finishedAt) {
    this(exitCode, oomKilled, timedOut, startedAt, finishedAt, Optional.empty());
  }

  public boolean succeeded() {
    return exitCode == 0 && !oomKilled && !timedOut && failure.isEmpty();
  }

  public Duration duration() {
    return Duration.between(startedAt, finishedAt);
  }

  public ExitStatus withTimedOut() {
    return new ExitStatus(exitCode, oomKilled, true, startedAt, finishedAt, failure);
  }
}
