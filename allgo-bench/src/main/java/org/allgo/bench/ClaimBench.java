package org.allgo.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.allgo.dispatch.control.ClaimSql;
import org.allgo.platform.control.SchemaMigrations;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * The dispatcher's own cost with a deep queue: {@code jobs} waiting jobs of 50 users on one queue
 * of 4 slots, in a scratch database with allgo's schema on the real MariaDB, claimed one at a time
 * by {@link ClaimSql} as the server claims them (one transaction a claim). The container part is
 * left out: each claimed job ends at once, as with an engine that runs containers in no time.
 * Arguments: {@code <jdbc url of the server, ending with '/'> <user> <password> <database> <jobs>}.
 * Prints one Markdown table row.
 */
public final class ClaimBench {

  private static final int USERS = 50;
  private static final int SLOTS = 4;

  private ClaimBench() {}

  public static void main(String[] args) throws Exception {
    String server = args[0];
    String database = args[3];
    int jobs = Integer.parseInt(args[4]);
    try (Connection admin = source(server, args[1], args[2]).getConnection();
        Statement s = admin.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database);
      s.execute("CREATE DATABASE " + database);
    }
    MariaDbDataSource ds = source(server + database + "?useMysqlMetadata=true", args[1], args[2]);
    SchemaMigrations.configure(ds).migrate();
    long queue = fill(ds, jobs);

    Histogram micros = new Histogram(60_000_000L, 3);
    Instant begin = Instant.now();
    int claimed = 0;
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      while (true) {
        Instant before = Instant.now();
        Optional<ClaimSql.Claim> claim =
            ClaimSql.claimNext(c, ClaimSql.Dialect.MARIADB, queue, SLOTS, "bench", before);
        c.commit();
        if (claim.isEmpty()) {
          break;
        }
        micros.recordValue(Duration.between(before, Instant.now()).toNanos() / 1000);
        end(c, claim.get().jobId());
        claimed++;
      }
    }
    Duration total = Duration.between(begin, Instant.now());
    if (claimed != jobs) {
      throw new IllegalStateException("claimed " + claimed + " of " + jobs + " jobs");
    }
    try (Connection admin = source(server, args[1], args[2]).getConnection();
        Statement s = admin.createStatement()) {
      s.execute("DROP DATABASE " + database);
    }
    System.out.printf(
        "| %d waiting jobs of %d users, %d slots | %.1f s | %.0f | %.1f / %.1f / %.1f |%n",
        jobs,
        USERS,
        SLOTS,
        total.toMillis() / 1000.0,
        jobs / (total.toNanos() / 1e9),
        micros.getValueAtPercentile(50) / 1000.0,
        micros.getValueAtPercentile(95) / 1000.0,
        micros.getValueAtPercentile(99) / 1000.0);
  }

  private static MariaDbDataSource source(String url, String user, String password)
      throws SQLException {
    MariaDbDataSource source = new MariaDbDataSource(url);
    source.setUser(user);
    source.setPassword(password);
    return source;
  }

  /** Users, a webapp, a queue and the waiting jobs, in bulk (MariaDB's sequence tables). */
  private static long fill(MariaDbDataSource ds, int jobs) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO users (email, name, password_hash, role, state, created_at)"
              + " SELECT CONCAT('u', seq, '@bench.org'), 'bench', 'x', 'USER', 'ACTIVE', CURRENT_TIMESTAMP(3)"
              + " FROM seq_1_to_"
              + USERS);
      s.execute(
          "INSERT INTO job_queue (name, timeout_seconds, cpu_millis, max_jobs, retention_days)"
              + " VALUES ('deep', 60, 1000, "
              + SLOTS
              + ", 1)");
      s.execute(
          "INSERT INTO webapp (name, docker_name, owner_id, visibility, memory_mb, entrypoint, created_at)"
              + " SELECT 'deep', 'deep', MIN(id), 'PUBLIC', 64, '/bin/true', CURRENT_TIMESTAMP(3) FROM users");
      s.execute(
          "INSERT INTO job (user_id, webapp_id, webapp_name, version_number, image, queue_id, state,"
              + " created_at, queued_at)"
              + " SELECT u.id, w.id, 'deep', '1', 'bench/deep:1', q.id, 'WAITING', CURRENT_TIMESTAMP(3), CURRENT_TIMESTAMP(3)"
              + " FROM seq_1_to_"
              + jobs
              + " n JOIN users u ON u.email = CONCAT('u', 1 + n.seq % "
              + USERS
              + ", '@bench.org')"
              + " JOIN webapp w ON w.docker_name = 'deep' JOIN job_queue q ON q.name = 'deep' ORDER BY n.seq");
      try (var rs = s.executeQuery("SELECT id FROM job_queue WHERE name = 'deep'")) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void end(Connection c, long jobId) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate(
          "UPDATE job SET state = 'DONE', result = 'SUCCESS', exit_code = 0,"
              + " finished_at = CURRENT_TIMESTAMP(3) WHERE id = "
              + jobId);
    }
    c.commit();
  }
}
