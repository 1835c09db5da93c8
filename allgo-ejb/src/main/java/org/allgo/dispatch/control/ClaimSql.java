package org.allgo.dispatch.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Claims the next waiting job of a queue, atomically, in the caller's transaction: plain JDBC so
 * that the same statements run in the server and in the tests that race two dispatchers.
 *
 * <ol>
 *   <li>The queue's row is locked: {@code SELECT … FOR UPDATE SKIP LOCKED} on MariaDB/MySQL (a
 *       queue another dispatcher is claiming from is skipped, not waited for), {@code SELECT … FOR
 *       UPDATE} on H2. Claims in one queue are thus serialized across servers, and its limits
 *       (running jobs per queue, per user) are counted after the lock.
 *   <li>{@link FairOrder} picks among the oldest waiting job of each user.
 *   <li>{@code UPDATE job SET state = 'RUNNING' … WHERE id = ? AND state = 'WAITING'}: an update
 *       count of 1 is the claim; 0 means it was aborted meanwhile, and the next one is tried.
 * </ol>
 */
public final class ClaimSql {

  /** The SQL dialects allgo runs on. */
  public enum Dialect {
    MARIADB,
    H2;

    public static Dialect of(Connection connection) throws SQLException {
      String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      return product.contains("h2") ? H2 : MARIADB;
    }

    String lockQueue() {
      return this == H2
          ? "SELECT max_jobs FROM job_queue WHERE id = ? FOR UPDATE"
          : "SELECT max_jobs FROM job_queue WHERE id = ? FOR UPDATE SKIP LOCKED";
    }
  }

  /** A job now RUNNING, claimed by {@code node}. */
  public record Claim(long jobId, long queueId, long userId) {}

  private ClaimSql() {}

  /** The queues that have waiting jobs, by id. */
  public static List<Long> queuesWithWaitingJobs(Connection c) throws SQLException {
    List<Long> queues = new ArrayList<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT DISTINCT queue_id FROM job WHERE state = 'WAITING' ORDER BY queue_id");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        queues.add(rs.getLong(1));
      }
    }
    return queues;
  }

  /**
   * Claims one job of the queue, if the queue and one of its users have a free slot; the caller
   * commits. Empty when there is nothing to claim, or when another dispatcher holds the queue.
   */
  public static Optional<Claim> claimNext(
      Connection c, Dialect dialect, long queueId, int userLimit, String node, Instant now)
      throws SQLException {
    Optional<Integer> maxJobs = lockQueue(c, dialect, queueId);
    if (maxJobs.isEmpty()) {
      return Optional.empty();
    }
    Map<Long, Integer> running = runningPerUser(c, queueId);
    int total = running.values().stream().mapToInt(Integer::intValue).sum();
    if (total >= maxJobs.get()) {
      return Optional.empty();
    }
    List<FairOrder.Candidate> candidates = oldestWaitingPerUser(c, queueId);
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    Map<Long, Long> owners = new HashMap<>();
    candidates.forEach(candidate -> owners.put(candidate.jobId(), candidate.userId()));
    for (long jobId :
        FairOrder.order(candidates, running, lastStartPerUser(c, queueId), userLimit)) {
      if (markRunning(c, jobId, node, now)) {
        return Optional.of(new Claim(jobId, queueId, owners.get(jobId)));
      }
    }
    return Optional.empty();
  }

  /**
   * The RUNNING jobs claimed by another server than {@code node} whose lease was not renewed since
   * {@code since} (or that never held one), with the server that claimed each: job id → server.
   */
  public static Map<Long, String> orphans(Connection c, String node, Timestamp since)
      throws SQLException {
    Map<Long, String> orphans = new java.util.LinkedHashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id, claimed_by FROM job WHERE state = 'RUNNING' AND claimed_by IS NOT NULL"
                + " AND claimed_by <> ? AND claimed_by NOT IN"
                + " (SELECT name FROM app_server WHERE seen_at >= ?) ORDER BY id")) {
      s.setString(1, node);
      s.setTimestamp(2, since);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          orphans.put(rs.getLong(1), rs.getString(2));
        }
      }
    }
    return orphans;
  }

  /**
   * {@code node} takes the job over from the server {@code from} that claimed it: true for the one
   * server whose update found the job still RUNNING and still {@code from}'s.
   */
  public static boolean takeOver(Connection c, long jobId, String from, String node)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE job SET claimed_by = ? WHERE id = ? AND state = 'RUNNING' AND claimed_by = ?")) {
      s.setString(1, node);
      s.setLong(2, jobId);
      s.setString(3, from);
      return s.executeUpdate() == 1;
    }
  }

  private static Optional<Integer> lockQueue(Connection c, Dialect dialect, long queueId)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(dialect.lockQueue())) {
      s.setLong(1, queueId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
      }
    }
  }

  private static Map<Long, Integer> runningPerUser(Connection c, long queueId) throws SQLException {
    Map<Long, Integer> running = new HashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT user_id, COUNT(*) FROM job WHERE queue_id = ? AND state = 'RUNNING' GROUP BY user_id")) {
      s.setLong(1, queueId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          running.put(rs.getLong(1), rs.getInt(2));
        }
      }
    }
    return running;
  }

  private static List<FairOrder.Candidate> oldestWaitingPerUser(Connection c, long queueId)
      throws SQLException {
    List<FairOrder.Candidate> candidates = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT user_id, MIN(id) FROM job WHERE queue_id = ? AND state = 'WAITING' GROUP BY user_id")) {
      s.setLong(1, queueId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          candidates.add(new FairOrder.Candidate(rs.getLong(1), rs.getLong(2)));
        }
      }
    }
    return candidates;
  }

  private static Map<Long, Instant> lastStartPerUser(Connection c, long queueId)
      throws SQLException {
    Map<Long, Instant> last = new HashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT user_id, MAX(started_at) FROM job WHERE queue_id = ? AND started_at IS NOT NULL"
                + " AND user_id IN (SELECT user_id FROM job WHERE queue_id = ? AND state = 'WAITING')"
                + " GROUP BY user_id")) {
      s.setLong(1, queueId);
      s.setLong(2, queueId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          last.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
        }
      }
    }
    return last;
  }

  private static boolean markRunning(Connection c, long jobId, String node, Instant now)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE job SET state = 'RUNNING', started_at = ?, claimed_by = ? WHERE id = ? AND state = 'WAITING'")) {
      s.setTimestamp(1, Timestamp.from(now));
      s.setString(2, node);
      s.setLong(3, jobId);
      return s.executeUpdate() == 1;
    }
  }
}
