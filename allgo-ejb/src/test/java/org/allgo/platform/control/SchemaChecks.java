package org.allgo.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Checks of the migrated schema, the same on H2 and MariaDB: the first migration of an empty
 * database seeds the standard queue, the account tables keep emails and fingerprints unique.
 */
final class SchemaChecks {

  private SchemaChecks() {}

  /** Migrates the empty database: every migration applied, a default standard queue seeded. */
  static void checkFirstMigration(DataSource ds) throws SQLException {
    MigrateResult result = SchemaMigrations.configure(ds).migrate();

    assertThat(result.success).isTrue();
    assertThat(result.migrationsExecuted).isPositive();
    try (Connection c = ds.getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT name, timeout_seconds FROM job_queue WHERE is_default = TRUE")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("standard");
      assertThat(rs.getInt(2)).isPositive();
    }
  }

  static void checkUniqueness(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO users (email, name, password_hash, role, state, created_at)"
              + " VALUES ('a@b.org', 'A', 'h', 'USER', 'ACTIVE', '2025-01-01 10:00:00.123')");
      assertThrows(
          SQLException.class,
          () ->
              s.executeUpdate(
                  "INSERT INTO users (email, name, password_hash, role, state, created_at)"
                      + " VALUES ('a@b.org', 'B', 'h', 'USER', 'ACTIVE', '2025-01-01 10:00:00')"));
      assertThrows(
          SQLException.class,
          () ->
              s.executeUpdate(
                  "INSERT INTO users (email, name, password_hash, role, state, created_at)"
                      + " VALUES ('c@b.org', 'C', 'h', 'USER', 'BOGUS', '2025-01-01 10:00:00')"));
      long id;
      try (ResultSet rs =
          s.executeQuery(
              "SELECT id, notify_job_finished, created_at FROM users WHERE email = 'a@b.org'")) {
        assertThat(rs.next()).isTrue();
        id = rs.getLong(1);
        assertThat(rs.getBoolean(2)).isTrue();
        assertThat(rs.getTimestamp(3).getNanos()).isEqualTo(123_000_000);
      }
      String key =
          "INSERT INTO ssh_key (user_id, key_type, public_key, fingerprint, created_at)"
              + " VALUES ("
              + id
              + ", 'ssh-ed25519', 'ssh-ed25519 AAAA', 'SHA256:x', '2025-01-01')";
      s.executeUpdate(key);
      assertThrows(SQLException.class, () -> s.executeUpdate(key));
      s.executeUpdate("DELETE FROM users WHERE id = " + id);
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM ssh_key")) {
        rs.next();
        assertThat(rs.getInt(1)).as("keys go with their user").isZero();
      }
    }
  }
}
