package org.allgo.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class SchemaMigrationsTest {

  private static JdbcDataSource h2(String name) {
    JdbcDataSource ds = new JdbcDataSource();
    // The URL options of the platform's default database.
    ds.setURL("jdbc:h2:mem:" + name + ";MODE=LEGACY;DB_CLOSE_DELAY=-1");
    return ds;
  }

  @Test
  void migratesAnEmptyH2DatabaseAndSeedsTheStandardQueue() throws SQLException {
    JdbcDataSource ds = h2("fresh");

    SchemaChecks.checkFirstMigration(ds);
  }

  @Test
  void secondRunAppliesNothing() {
    JdbcDataSource ds = h2("twice");
    SchemaMigrations.configure(ds).migrate();

    MigrateResult again = SchemaMigrations.configure(ds).migrate();

    assertThat(again.migrationsExecuted).isZero();
    assertThat(SchemaMigrations.configure(ds).validateWithResult().validationSuccessful).isTrue();
  }

  @Test
  void accountTablesKeepEmailsAndFingerprintsUnique() throws SQLException {
    JdbcDataSource ds = h2("accounts");
    SchemaMigrations.configure(ds).migrate();

    SchemaChecks.checkUniqueness(ds);
  }
}
