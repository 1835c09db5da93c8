package org.allgo.dispatch.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.allgo.platform.control.ClusterSql;
import org.allgo.platform.control.SchemaMigrations;
import org.allgo.webapps.control.CommitRecovery;
import org.junit.jupiter.api.Test;

/**
 * The claim of {@link ClaimSql} on a real database, raced by two dispatchers with a connection
 * each, as two servers on one database would; so are the takeover of a gone server's jobs and the
 * periodic tasks done once in the cluster ({@link ClusterSql}). Subclasses give the database.
 */
abstract class ClaimRaceTests {

  abstract DataSource dataSource();

  @Test
  void twoDispatchersNeverClaimTheSameJob() throws Exception {
    DataSource ds = migrated();
    long queue = queue(ds, 1000);
    List<Long> users = users(ds, 5);
    List<Long> jobs = waitingJobs(ds, queue, users, 500);

    List<List<Long>> claims = race(ds, queue, 1000, () -> waiting(ds, queue) > 0);

    List<Long> all = new ArrayList<>(claims.get(0));
    all.addAll(claims.get(1));
    assertThat(all).hasSize(500).doesNotHaveDuplicates();
    assertThat(new HashSet<>(all)).isEqualTo(new HashSet<>(jobs));
    assertThat(
            count(
                ds,
                "SELECT COUNT(*) FROM job WHERE queue_id = " + queue + " AND state = 'RUNNING'"))
        .isEqualTo(500);
  }

  @Test
  void twoDispatchersKeepToTheQueueLimit() throws Exception {
    DataSource ds = migrated();
    long queue = queue(ds, 7);
    waitingJobs(ds, queue, users(ds, 3), 100);

    String running =
        "SELECT COUNT(*) FROM job WHERE queue_id = " + queue + " AND state = 'RUNNING'";
    // Until the queue is full, then 200 tries more to go past its limit. A number of tries alone
    // could be spent, on a loaded machine, by one dispatcher skipping the queue the other holds.
    Instant deadline = Instant.now().plusSeconds(60);
    int[] afterFull = {0};
    List<List<Long>> claims =
        race(
            ds,
            queue,
            1000,
            () -> {
              if (Instant.now().isAfter(deadline)) {
                return false;
              }
              if (count(ds, running) < 7) {
                return true;
              }
              synchronized (afterFull) {
                return afterFull[0]++ < 200;
              }
            });

    assertThat(claims.get(0).size() + claims.get(1).size()).isEqualTo(7);
    assertThat(count(ds, running)).isEqualTo(7);
  }

  @Test
  void aUsersManyJobsDoNotStarveAnotherUsersOne() throws Exception {
    DataSource ds = migrated();
    long queue = queue(ds, 1);
    List<Long> users = users(ds, 2);
    List<Long> many = waitingJobs(ds, queue, List.of(users.get(0)), 20);
    long single = waitingJobs(ds, queue, List.of(users.get(1)), 1).get(0);

    assertThat(claimOne(ds, queue, 2)).contains(many.get(0));
    assertThat(claimOne(ds, queue, 2)).as("the queue is full").isEmpty();
    finish(ds, many.get(0));
    assertThat(claimOne(ds, queue, 2)).contains(single);
    finish(ds, single);
    assertThat(claimOne(ds, queue, 2)).contains(many.get(1));
  }

  @Test
  void aUserAtTheUserLimitLetsOthersRun() throws Exception {
    DataSource ds = migrated();
    long queue = queue(ds, 10);
    List<Long> users = users(ds, 2);
    List<Long> first = waitingJobs(ds, queue, List.of(users.get(0)), 5);
    List<Long> second = waitingJobs(ds, queue, List.of(users.get(1)), 5);

    List<Long> claimed = new ArrayList<>();
    for (Optional<Long> c; (c = claimOne(ds, queue, 2)).isPresent(); ) {
      claimed.add(c.get());
    }

    assertThat(claimed)
        .containsExactlyInAnyOrder(first.get(0), first.get(1), second.get(0), second.get(1));
  }

  /**
   * The commits of a server whose lease ran out are over; never those of the server looking, even
   * when its own lease looks run out (its start, or a pass, slower than the lease).
   */
  @Test
  void theCommitsOfServersGoneAreFoundButNeverTheLookingServersOwn() throws Exception {
    DataSource ds = migrated();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String gone = "gone-" + suffix;
    String self = "self-" + suffix;
    String alive = "alive-" + suffix;
    long owner = users(ds, 1).get(0);
    long webapp = webapp(ds, owner);
    Timestamp now;
    try (Connection c = ds.getConnection()) {
      now = ClusterSql.now(c);
      ClusterSql.start(c, gone, ClusterSql.minus(now, Duration.ofMinutes(5)));
      ClusterSql.start(c, self, ClusterSql.minus(now, Duration.ofMinutes(1)));
      ClusterSql.start(c, alive, now);
    }
    long ofGone = version(ds, webapp, "1", "COMMITTED", gone);
    long ofGoneChecked = version(ds, webapp, "2", "SANDBOX", gone);
    long ofGoneReady = version(ds, webapp, "3", "READY", gone);
    long own = version(ds, webapp, "4", "COMMITTED", self);
    long ofAlive = version(ds, webapp, "5", "COMMITTED", alive);
    Timestamp since = ClusterSql.minus(now, Duration.ofSeconds(15));

    List<Long> found;
    try (Connection c = ds.getConnection()) {
      found = CommitRecovery.ofServersSeenBefore(c, self, since);
    }

    assertThat(found).contains(ofGone, ofGoneChecked).doesNotContain(ofGoneReady, own, ofAlive);
  }

  @Test
  void theJobsOfAServerGoneAreTakenOverEachByExactlyOneSurvivor() throws Exception {
    DataSource ds = migrated();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String gone = "gone-" + suffix;
    String alive = "alive-" + suffix;
    long queue = queue(ds, 1000);
    List<Long> users = users(ds, 2);
    List<Long> orphans = waitingJobs(ds, queue, users, 40);
    List<Long> others = waitingJobs(ds, queue, users, 5);
    Timestamp now;
    try (Connection c = ds.getConnection()) {
      now = ClusterSql.now(c);
      ClusterSql.start(c, gone, ClusterSql.minus(now, Duration.ofMinutes(5)));
      ClusterSql.start(c, alive, now);
      // The survivors hold leases too: a job one took over is no orphan to the other.
      ClusterSql.start(c, "survivor-a-" + suffix, now);
      ClusterSql.start(c, "survivor-b-" + suffix, now);
    }
    claimAs(ds, orphans, gone);
    claimAs(ds, others, alive);
    Timestamp since = ClusterSql.minus(now, Duration.ofSeconds(15));

    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<List<Long>>> survivors = new ArrayList<>();
    for (String survivor : List.of("survivor-a-" + suffix, "survivor-b-" + suffix)) {
      survivors.add(
          pool.submit(
              () -> {
                List<Long> taken = new ArrayList<>();
                try (Connection c = ds.getConnection()) {
                  for (var orphan : ClaimSql.orphans(c, survivor, since).entrySet()) {
                    if ((orphans.contains(orphan.getKey()) || others.contains(orphan.getKey()))
                        && ClaimSql.takeOver(c, orphan.getKey(), orphan.getValue(), survivor)) {
                      taken.add(orphan.getKey());
                    }
                  }
                }
                return taken;
              }));
    }
    List<Long> all = new ArrayList<>(survivors.get(0).get());
    all.addAll(survivors.get(1).get());
    pool.shutdown();

    assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(orphans);
    assertThat(
            count(
                ds,
                "SELECT COUNT(*) FROM job WHERE queue_id = "
                    + queue
                    + " AND state = 'RUNNING' AND claimed_by LIKE 'survivor-%-"
                    + suffix
                    + "'"))
        .isEqualTo(40);
    assertThat(
            count(
                ds,
                "SELECT COUNT(*) FROM job WHERE queue_id = "
                    + queue
                    + " AND claimed_by = '"
                    + alive
                    + "'"))
        .as("a live server keeps its jobs")
        .isEqualTo(5);
  }

  @Test
  void aPeriodicTaskIsDoneByOneServerEachTurn() throws Exception {
    DataSource ds = migrated();
    String task = "t-" + UUID.randomUUID().toString().substring(0, 8);
    Duration gap = Duration.ofHours(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int turn = 0; turn < 2; turn++) {
        List<Future<Integer>> servers = new ArrayList<>();
        for (String server : List.of("server-a", "server-b")) {
          servers.add(
              pool.submit(
                  () -> {
                    int done = 0;
                    try (Connection c = ds.getConnection()) {
                      for (int i = 0; i < 50; i++) {
                        if (ClusterSql.claimTask(c, task, server, ClusterSql.now(c), gap)) {
                          done++;
                        }
                      }
                    }
                    return done;
                  }));
        }
        assertThat(servers.get(0).get() + servers.get(1).get()).as("turn " + turn).isEqualTo(1);
        // The next turn: the last run two hours ago.
        try (Connection c = ds.getConnection();
            Statement s = c.createStatement()) {
          s.executeUpdate(
              "UPDATE cluster_task SET ran_at = '2000-01-01 00:00:00' WHERE name = '" + task + "'");
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void claimAs(DataSource ds, List<Long> jobs, String node) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE job SET state = 'RUNNING', started_at = CURRENT_TIMESTAMP, claimed_by = ?"
                    + " WHERE id = ?")) {
      for (long job : jobs) {
        s.setString(1, node);
        s.setLong(2, job);
        s.executeUpdate();
      }
    }
  }

  // Two threads, a connection each, claim until {@code more} says to stop; their claims.
  private static List<List<Long>> race(
      DataSource ds, long queue, int userLimit, Callable<Boolean> more) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<List<Long>>> dispatchers = new ArrayList<>();
      for (String node : List.of("node-a", "node-b")) {
        dispatchers.add(
            pool.submit(
                () -> {
                  List<Long> mine = new ArrayList<>();
                  try (Connection c = ds.getConnection()) {
                    c.setAutoCommit(false);
                    ClaimSql.Dialect dialect = ClaimSql.Dialect.of(c);
                    while (more.call()) {
                      try {
                        ClaimSql.claimNext(c, dialect, queue, userLimit, node, Instant.now())
                            .ifPresent(claim -> mine.add(claim.jobId()));
                        c.commit();
                      } catch (SQLException e) {
                        // A lock wait that timed out: the other dispatcher held the queue; try
                        // again.
                        c.rollback();
                      }
                    }
                  }
                  return mine;
                }));
      }
      List<List<Long>> claims = new ArrayList<>();
      for (Future<List<Long>> dispatcher : dispatchers) {
        claims.add(dispatcher.get());
      }
      return claims;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Optional<Long> claimOne(DataSource ds, long queue, int userLimit)
      throws SQLException {
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      Optional<Long> claim =
          ClaimSql.claimNext(c, ClaimSql.Dialect.of(c), queue, userLimit, "node", Instant.now())
              .map(ClaimSql.Claim::jobId);
      c.commit();
      return claim;
    }
  }

  private DataSource migrated() {
    DataSource ds = dataSource();
    SchemaMigrations.configure(ds).migrate();
    return ds;
  }

  private static long queue(DataSource ds, int maxJobs) throws SQLException {
    return insert(
        ds,
        "INSERT INTO job_queue (name, description, timeout_seconds, cpu_millis, max_jobs, retention_days)"
            + " VALUES ('q-"
            + UUID.randomUUID().toString().substring(0, 8)
            + "', '', 60, 1000, "
            + maxJobs
            + ", 1)");
  }

  private static List<Long> users(DataSource ds, int n) throws SQLException {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(
          insert(
              ds,
              "INSERT INTO users (email, name, password_hash, role, state, created_at) VALUES ('"
                  + UUID.randomUUID()
                  + "@race.org', 'R', 'h', 'USER', 'ACTIVE', CURRENT_TIMESTAMP)"));
    }
    return ids;
  }

  private static long webapp(DataSource ds, long owner) throws SQLException {
    return insert(
        ds,
        "INSERT INTO webapp (name, docker_name, owner_id, visibility, memory_mb, entrypoint, created_at)"
            + " VALUES ('race', 'r"
            + UUID.randomUUID().toString().substring(0, 8)
            + "', "
            + owner
            + ", 'PUBLIC', 64, '/bin/true', CURRENT_TIMESTAMP)");
  }

  private static long version(
      DataSource ds, long webapp, String number, String state, String committedBy)
      throws SQLException {
    return insert(
        ds,
        "INSERT INTO webapp_version (webapp_id, number, state, committed_by, created_at) VALUES ("
            + webapp
            + ", '"
            + number
            + "', '"
            + state
            + "', '"
            + committedBy
            + "', CURRENT_TIMESTAMP)");
  }

  private static List<Long> waitingJobs(DataSource ds, long queue, List<Long> users, int n)
      throws SQLException {
    long webapp = webapp(ds, users.get(0));
    List<Long> ids = new ArrayList<>();
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO job (user_id, webapp_id, webapp_name, version_number, image, queue_id, state, created_at, queued_at)"
                    + " VALUES (?, ?, 'race', '1', 'x/y:1', ?, 'WAITING', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                Statement.RETURN_GENERATED_KEYS)) {
      for (int i = 0; i < n; i++) {
        s.setLong(1, users.get(i % users.size()));
        s.setLong(2, webapp);
        s.setLong(3, queue);
        s.executeUpdate();
        try (ResultSet keys = s.getGeneratedKeys()) {
          keys.next();
          ids.add(keys.getLong(1));
        }
      }
    }
    Collections.sort(ids);
    return ids;
  }

  private static void finish(DataSource ds, long job) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE job SET state = 'DONE', result = 'SUCCESS' WHERE id = " + job);
    }
  }

  private static int waiting(DataSource ds, long queue) throws SQLException {
    return count(
        ds, "SELECT COUNT(*) FROM job WHERE queue_id = " + queue + " AND state = 'WAITING'");
  }

  private static int count(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static long insert(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(sql, Statement.RETURN_GENERATED_KEYS);
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }
}
