package org.allgo.api;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure comes from a database that does not answer (stopped, restarting, unreachable):
 * a connection refused or broken, as the driver reports it (SQL state class 08), rather than a
 * request the database refused. Such a request changed nothing and may be sent again.
 */
public final class DatabaseOutage {

  /** Seconds a client is asked to wait before it tries again. */
  public static final int RETRY_AFTER_SECONDS = 5;

  private DatabaseOutage() {}

  public static boolean causes(Throwable failure) {
    Throwable t = failure;
    for (int depth = 0; t != null && depth < 30; depth++, t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLException sql
              && sql.getSQLState() != null
              && sql.getSQLState().startsWith("08")) {
        return true;
      }
    }
    return false;
  }
}
