package org.allgo.webapps.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.allgo.connector.api.DockerConnection;
import org.allgo.connector.api.DockerConnectionFactory;
import org.allgo.connector.api.DockerException;
import org.allgo.platform.Resources;
import org.allgo.platform.control.FileTrees;

/**
 * Commits that died with their server. A version is committed by a batch job of the server that
 * took the commit ({@code committed_by}); the job does not outlive that server, and nothing else
 * would end the version, whose number could then never be committed again. So a server that starts
 * ends its own earlier commits, and the servers alive end those of servers whose lease ran out: the
 * version is ERROR and says why, and the containers of its checks are removed.
 */
@Stateless
public class CommitRecovery {

  static final String REASON =
      "The server committing this version stopped before the commit ended: commit again.";

  private static final System.Logger LOG = System.getLogger(CommitRecovery.class.getName());

  private static final String COMMITTING =
      "SELECT id FROM webapp_version WHERE state IN ('SANDBOX', 'COMMITTED') AND ";

  private static final String OF_SERVERS_GONE =
      COMMITTING
          + "committed_by <> ? AND committed_by IN (SELECT name FROM app_server WHERE seen_at < ?)";

  @Resource(lookup = Resources.DATA_SOURCE)
  javax.sql.DataSource dataSource;

  @Resource(lookup = Resources.DOCKER)
  DockerConnectionFactory docker;

  @Inject WebappSettings settings;

  /**
   * This server starts: the commits it had under way died with its previous run (and those of
   * versions from before servers were written down).
   */
  public List<Long> endOwn(String server) {
    return end(COMMITTING + "(committed_by = ? OR committed_by IS NULL)", server);
  }

  /**
   * The commits of servers other than {@code self} not seen since {@code since} (the database's
   * clock). Never this server's own: it is alive, whatever its lease says when its start or a pass
   * took longer than the lease on a loaded machine.
   */
  public List<Long> endOfServersSeenBefore(String self, Timestamp since) {
    return end(OF_SERVERS_GONE, self, since);
  }

  /** The versions that servers other than {@code self}, not seen since {@code since}, commit. */
  public static List<Long> ofServersSeenBefore(Connection c, String self, Timestamp since)
      throws SQLException {
    return committing(c, OF_SERVERS_GONE, self, since);
  }

  private List<Long> end(String query, Object... parameters) {
    List<Long> ended = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      for (long id : committing(c, query, parameters)) {
        // Only if it is still committing: another server may have ended it meanwhile.
        try (PreparedStatement s =
            c.prepareStatement(
                "UPDATE webapp_version SET state = 'ERROR', error_reason = ?"
                    + " WHERE id = ? AND state IN ('SANDBOX', 'COMMITTED')")) {
          s.setString(1, REASON);
          s.setLong(2, id);
          if (s.executeUpdate() == 1) {
            ended.add(id);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot end the commits of servers gone: " + e.getMessage(), e);
    }
    ended.forEach(this::removeChecks);
    return ended;
  }

  private static List<Long> committing(Connection c, String query, Object... parameters)
      throws SQLException {
    List<Long> found = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(query)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          found.add(rs.getLong(1));
        }
      }
    }
    return found;
  }

  /**
   * The containers that check a version (its program there, its test job), if still there, and the
   * test job's working directory.
   */
  private void removeChecks(long versionId) {
    LOG.log(Level.WARNING, "Version {0}: its commit ended, its server stopped", versionId);
    try {
      FileTrees.delete(settings.testRun(versionId));
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "Could not remove the test run of {0}: {1}", versionId, e.getMessage());
    }
    for (String name :
        List.of(settings.checkContainer(versionId), settings.testContainer(versionId))) {
      try (DockerConnection connection = docker.getConnection()) {
        connection.find(name).ifPresent(found -> connection.remove(found.id()));
      } catch (DockerException e) {
        LOG.log(Level.WARNING, "Could not remove {0}: {1}", name, e.getMessage());
      }
    }
  }
}
