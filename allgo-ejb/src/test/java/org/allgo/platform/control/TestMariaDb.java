package org.allgo.platform.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * An empty database on the real MariaDB the test command starts ({@code allgo.test.mariadb.*}
 * properties), through MariaDB's own driver as the server uses it.
 */
public final class TestMariaDb {

  private TestMariaDb() {}

  /**
   * The database {@code allgo.test.mariadb.database} plus {@code suffix}, dropped and made again.
   */
  public static MariaDbDataSource create(String suffix) throws SQLException {
    String url = System.getProperty("allgo.test.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/");
    String name =
        System.getProperty("allgo.test.mariadb.database", "allgo_test_migrations") + suffix;
    MariaDbDataSource admin = source(url);
    try (Connection c = admin.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
      s.execute("CREATE DATABASE " + name);
    }
    return source(url + name + "?useMysqlMetadata=true");
  }

  private static MariaDbDataSource source(String url) throws SQLException {
    MariaDbDataSource source = new MariaDbDataSource(url);
    source.setUser(System.getProperty("allgo.test.mariadb.user", "allgo"));
    source.setPassword(System.getProperty("allgo.test.mariadb.password", "allgo-test"));
    return source;
  }
}
