package org.allgo.platform.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.allgo.platform.Resources;

/**
 * Periodic work done by one server of the cluster: every server's timer fires, the first to claim
 * the task ({@link ClusterSql#claimTask}) does it, the others skip this turn.
 */
@Stateless
public class ClusterTasks {

  @Resource(lookup = Resources.DATA_SOURCE)
  DataSource dataSource;

  @Inject ServerName server;

  /**
   * True when this server is to do {@code task} now: no server did it in the last {@code gap}. The
   * claim is committed at once, whatever the caller's transaction.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean once(String task, Duration gap) {
    try (Connection c = dataSource.getConnection()) {
      return ClusterSql.claimTask(c, task, server.get(), ClusterSql.now(c), gap);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot claim the task " + task + ": " + e.getMessage(), e);
    }
  }
}
