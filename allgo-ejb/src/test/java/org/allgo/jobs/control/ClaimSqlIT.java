package org.allgo.jobs.control;

import com.mysql.cj.jdbc.MysqlDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/** The claim raced on the production dialect: the real MariaDB started by the test command. */
class ClaimSqlIT extends ClaimRaceTests {

  private static MysqlDataSource database;

  @BeforeAll
  static void createDatabase() throws SQLException {
    String url = System.getProperty("allgo.test.mariadb.url", "jdbc:mysql://127.0.0.1:3306/");
    String name = System.getProperty("allgo.test.mariadb.database", "allgo_test_migrations") + "_claims";
    MysqlDataSource admin = new MysqlDataSource();
    admin.setURL(url);
    admin.setUser(System.getProperty("allgo.test.mariadb.user", "allgo"));
    admin.setPassword(System.getProperty("allgo.test.mariadb.password", "allgo-test"));
    try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
      s.execute("CREATE DATABASE " + name);
    }
    database = new MysqlDataSource();
    database.setURL(url + name);
    database.setUser(admin.getUser());
    database.setPassword(admin.getPassword());
  }

  @Override
  DataSource dataSource() {
    return database;
  }
}
