package org.allgo.dispatch.control;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.allgo.platform.control.TestMariaDb;
import org.junit.jupiter.api.BeforeAll;

/** The claim raced on the production dialect: the real MariaDB started by the test command. */
class ClaimSqlIT extends ClaimRaceTests {

  private static DataSource database;

  @BeforeAll
  static void createDatabase() throws SQLException {
    database = TestMariaDb.create("_claims");
  }

  @Override
  DataSource dataSource() {
    return database;
  }
}
