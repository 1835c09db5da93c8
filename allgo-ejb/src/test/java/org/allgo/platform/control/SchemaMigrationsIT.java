package org.allgo.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/** The migrations on the production dialect: the real MariaDB started by the test command. */
class SchemaMigrationsIT {

  @Test
  void migratesAnEmptyMariaDbDatabase() throws SQLException {
    DataSource ds = TestMariaDb.create("");

    MigrateResult result = SchemaMigrations.configure(ds).migrate();

    assertThat(result.success).isTrue();
    assertThat(result.migrationsExecuted).isPositive();
    try (Connection c = ds.getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery("SELECT name, timeout_seconds FROM job_queue WHERE is_default")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("standard");
      assertThat(rs.getInt(2)).isPositive();
    }
    assertThat(SchemaMigrations.configure(ds).migrate().migrationsExecuted).isZero();
    AccountTables.checkUniqueness(ds);
  }
}
