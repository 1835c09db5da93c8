package org.allgo.platform.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The servers sharing one database, in plain JDBC (the same statements in the server and in the
 * tests that race them on H2 and MariaDB): each server's lease ({@code app_server}: started, last
 * seen) and the periodic tasks done once in the cluster ({@code cluster_task}). Every time is the
 * database's clock ({@link #now}), never a server's: servers whose clocks differ still agree on who
 * is gone and whose turn it is.
 */
public final class ClusterSql {

  /** A server as its lease says. */
  public record Lease(String name, Timestamp startedAt, Timestamp seenAt) {}

  private ClusterSql() {}

  /** The database's clock. */
  public static Timestamp now(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT LOCALTIMESTAMP(3)");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getTimestamp(1);
    }
  }

  /** The server starts (again): its lease begins now. */
  public static void start(Connection c, String server, Timestamp now) throws SQLException {
    if (update(
            c, "UPDATE app_server SET started_at = ?, seen_at = ? WHERE name = ?", now, now, server)
        == 0) {
      insertLease(c, server, now);
    }
  }

  /** The server is alive: its lease is renewed (begun, if the row went). */
  public static void renew(Connection c, String server, Timestamp now) throws SQLException {
    if (update(c, "UPDATE app_server SET seen_at = ? WHERE name = ?", now, server) == 0) {
      insertLease(c, server, now);
    }
  }

  private static void insertLease(Connection c, String server, Timestamp now) throws SQLException {
    update(
        c, "INSERT INTO app_server (name, started_at, seen_at) VALUES (?, ?, ?)", server, now, now);
  }

  // One statement with its parameters (strings and timestamps); the rows it changed.
  private static int update(Connection c, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      return s.executeUpdate();
    }
  }

  /** Every server that ever held a lease here, by name. */
  public static List<Lease> leases(Connection c) throws SQLException {
    List<Lease> leases = new ArrayList<>();
    try (PreparedStatement s =
            c.prepareStatement("SELECT name, started_at, seen_at FROM app_server ORDER BY name");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        leases.add(new Lease(rs.getString(1), rs.getTimestamp(2), rs.getTimestamp(3)));
      }
    }
    return leases;
  }

  /** {@code now} less a duration, as the database's time. */
  public static Timestamp minus(Timestamp now, Duration duration) {
    return Timestamp.from(now.toInstant().minus(duration));
  }

  /**
   * Whether {@code server} is to do the periodic task now: true for the one server that moved its
   * last run to {@code now}, which it may only when the last run is at least {@code gap} old. The
   * caller commits (or runs with auto-commit).
   */
  public static boolean claimTask(
      Connection c, String task, String server, Timestamp now, Duration gap) throws SQLException {
    if (update(
            c,
            "UPDATE cluster_task SET ran_at = ?, ran_by = ? WHERE name = ? AND ran_at <= ?",
            now,
            server,
            task,
            minus(now, gap))
        == 1) {
      return true;
    }
    try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM cluster_task WHERE name = ?")) {
      s.setString(1, task);
      try (ResultSet rs = s.executeQuery()) {
        if (rs.next()) {
          return false;
        }
      }
    }
    // Its first run anywhere: of two servers inserting at once, the second fails on the key.
    try {
      return update(
              c,
              "INSERT INTO cluster_task (name, ran_at, ran_by) VALUES (?, ?, ?)",
              task,
              now,
              server)
          == 1;
    } catch (java.sql.SQLIntegrityConstraintViolationException e) {
      return false;
    }
  }
}
