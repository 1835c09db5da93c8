package org.allgo.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.mysql.cj.jdbc.MysqlDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/** The migrations on the production dialect: the real MariaDB started by the test command. */
class SchemaMigrationsIT {

  private static MysqlDataSource mariadb(String database) throws SQLException {
    String url = System.getProperty("allgo.test.mariadb.url", "jdbc:mysql://127.0.0.1:3306/");
    MysqlDataSource admin = new MysqlDataSource();
    admin.setURL(url);
    admin.setUser(System.getProperty("allgo.test.mariadb.user", "allgo"));
    admin.setPassword(System.getProperty("allgo.test.mariadb.password", "allgo-test"));
    try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database);
      s.execute("CREATE DATABASE " + database);
    }
    MysqlDataSource ds = new MysqlDataSource();
    ds.setURL(url + database);
    ds.setUser(admin.getUser());
    ds.setPassword(System.getProperty("allgo.test.mariadb.password", "allgo-test"));
    return ds;
  }

  @Test
  void migratesAnEmptyMariaDbDatabase() throws SQLException {
    MysqlDataSource ds = mariadb(System.getProperty("allgo.test.mariadb.database", "allgo_test_migrations"));

    MigrateResult result = SchemaMigrations.configure(ds).migrate();

    assertThat(result.success).isTrue();
    assertThat(result.migrationsExecuted).isPositive();
    try (Connection c = ds.getConnection();
        ResultSet rs = c.createStatement()
            .executeQuery("SELECT name, timeout_seconds FROM job_queue WHERE is_default")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("standard");
      assertThat(rs.getInt(2)).isPositive();
    }
    assertThat(SchemaMigrations.configure(ds).migrate().migrationsExecuted).isZero();
    AccountTables.checkUniqueness(ds);
  }
}
