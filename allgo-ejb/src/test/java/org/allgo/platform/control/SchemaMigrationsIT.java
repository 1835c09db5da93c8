package org.allgo.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The migrations on the production dialect: the real MariaDB started by the test command. */
class SchemaMigrationsIT {

  @Test
  void migratesAnEmptyMariaDbDatabase() throws SQLException {
    DataSource ds = TestMariaDb.create("");

    SchemaChecks.checkFirstMigration(ds);
    assertThat(SchemaMigrations.configure(ds).migrate().migrationsExecuted).isZero();
    SchemaChecks.checkUniqueness(ds);
  }
}
