package org.allgo.dispatch.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.allgo.dispatch.entity.AppServer;
import org.allgo.jobs.control.JobSettings;
import org.allgo.platform.Resources;
import org.allgo.platform.control.ClusterSql;
import org.allgo.webapps.control.CommitRecovery;

/**
 * This server's lease among the servers sharing the database, and the takeover of the jobs of
 * servers whose lease ran out (their commits under way end, {@link CommitRecovery}): the survivors
 * race for each such job ({@link ClaimSql#takeOver}), so that exactly one of them follows it on;
 * the dispatcher then settles it as it settles its own after a restart (adopted, waiting again, or
 * finished).
 */
@Stateless
public class ServerLeases {

  private static final System.Logger LOG = System.getLogger(ServerLeases.class.getName());

  @Resource(lookup = Resources.DATA_SOURCE)
  DataSource dataSource;

  @Inject JobSettings settings;

  @Inject CommitRecovery commits;

  /**
   * The server starts: its lease begins, and the commits it had under way before, whose batch jobs
   * died with it, are over.
   */
  public void begin() {
    try (Connection c = dataSource.getConnection()) {
      ClusterSql.start(c, settings.node(), ClusterSql.now(c));
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot begin the server's lease: " + e.getMessage(), e);
    }
    commits.endOwn(settings.node());
  }

  /** The server is alive: its lease is renewed. */
  public void renew() {
    try (Connection c = dataSource.getConnection()) {
      ClusterSql.renew(c, settings.node(), ClusterSql.now(c));
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot renew the server's lease: " + e.getMessage(), e);
    }
  }

  /**
   * The running jobs of servers gone (their lease ran out) that this server now follows; the
   * commits those servers had under way are over.
   */
  public List<Long> takeOver() {
    String node = settings.node();
    List<Long> taken = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      Timestamp since = ClusterSql.minus(ClusterSql.now(c), settings.lease());
      commits.endOfServersSeenBefore(node, since);
      for (Map.Entry<Long, String> orphan : ClaimSql.orphans(c, node, since).entrySet()) {
        if (ClaimSql.takeOver(c, orphan.getKey(), orphan.getValue(), node)) {
          LOG.log(
              Level.WARNING,
              "Job {0} taken over from {1}, a server whose lease ran out",
              orphan.getKey(),
              orphan.getValue());
          taken.add(orphan.getKey());
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot take over orphaned jobs: " + e.getMessage(), e);
    }
    return taken;
  }

  /** Every server that held a lease here, alive or not, with the running jobs it follows. */
  public List<AppServer> servers() {
    try (Connection c = dataSource.getConnection()) {
      Timestamp since = ClusterSql.minus(ClusterSql.now(c), settings.lease());
      Map<String, List<Long>> running = new TreeMap<>();
      try (var s =
              c.prepareStatement(
                  "SELECT claimed_by, id FROM job WHERE state = 'RUNNING'"
                      + " AND claimed_by IS NOT NULL ORDER BY id");
          var rs = s.executeQuery()) {
        while (rs.next()) {
          running.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2));
        }
      }
      List<AppServer> servers = new ArrayList<>();
      for (ClusterSql.Lease lease : ClusterSql.leases(c)) {
        servers.add(
            new AppServer(
                lease.name(),
                lease.startedAt().toInstant(),
                lease.seenAt().toInstant(),
                !lease.seenAt().before(since),
                running.getOrDefault(lease.name(), List.of())));
      }
      return servers;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the servers: " + e.getMessage(), e);
    }
  }
}
