package org.allgo.dispatch.control;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Which waiting job of a queue goes first: round-robin between users. Among the users whose oldest
 * waiting job is given, those at their limit of running jobs wait; the others are taken by fewest
 * running jobs, then by the longest time since one of their jobs started (never first), then by the
 * age of their oldest waiting job. A user with 200 waiting jobs thus does not hold back another
 * user's single one.
 */
public final class FairOrder {

  /** The oldest waiting job of one user in the queue. */
  public record Candidate(long userId, long jobId) {}

  private FairOrder() {}

  /**
   * @param running running jobs per user in the queue (absent: none)
   * @param lastStart when each user's latest job in the queue started (absent: never)
   * @return job ids, best first; users at their limit left out
   */
  public static List<Long> order(
      List<Candidate> candidates,
      Map<Long, Integer> running,
      Map<Long, Instant> lastStart,
      int userLimit) {
    Comparator<Candidate> fair =
        Comparator.<Candidate>comparingInt(c -> running.getOrDefault(c.userId(), 0))
            .thenComparing(c -> lastStart.getOrDefault(c.userId(), Instant.MIN))
            .thenComparingLong(Candidate::jobId);
    return candidates.stream()
        .filter(c -> running.getOrDefault(c.userId(), 0) < userLimit)
        .sorted(fair)
        .map(Candidate::jobId)
        .toList();
  }
}
