package org.allgo.ssh.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.allgo.connector.testing.Commands;
import org.flywaydb.core.Flyway;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * A MariaDB database with the platform's schema (Flyway, from allgo-ejb's migrations), a read/write
 * account for the fixtures and a SELECT-only account for the server under test, as the sidecar has
 * in production. Made as root through the socket of the MariaDB the test command runs; closing it
 * drops the database and both accounts.
 */
public final class TestDatabase implements AutoCloseable {

  private final String name;
  private final String readOnlyUser;
  private final String password = UUID.randomUUID().toString();
  private final MariaDbDataSource writer;
  private final MariaDbDataSource reader;

  public TestDatabase(String name) {
    this.name = name;
    this.readOnlyUser = name + "_ro";
    root(
        "DROP DATABASE IF EXISTS "
            + name
            + ";"
            + "CREATE DATABASE "
            + name
            + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
            + "DROP USER IF EXISTS '"
            + name
            + "_rw'@'127.0.0.1', '"
            + readOnlyUser
            + "'@'127.0.0.1';"
            + "CREATE USER '"
            + name
            + "_rw'@'127.0.0.1' IDENTIFIED BY '"
            + password
            + "';"
            + "GRANT ALL ON "
            + name
            + ".* TO '"
            + name
            + "_rw'@'127.0.0.1';"
            + "CREATE USER '"
            + readOnlyUser
            + "'@'127.0.0.1' IDENTIFIED BY '"
            + password
            + "';"
            + "GRANT SELECT ON "
            + name
            + ".* TO '"
            + readOnlyUser
            + "'@'127.0.0.1';");
    writer = source(name + "_rw");
    reader = source(readOnlyUser);
    Flyway.configure()
        .dataSource(writer)
        .locations(
            "filesystem:" + Settings.root().resolve("allgo-ejb/src/main/resources/db/migration"))
        .load()
        .migrate();
  }

  private MariaDbDataSource source(String user) {
    try {
      MariaDbDataSource source = new MariaDbDataSource(url());
      source.setUser(user);
      source.setPassword(password);
      return source;
    } catch (SQLException e) {
      throw new IllegalStateException("bad MariaDB settings for " + url(), e);
    }
  }

  public String url() {
    return "jdbc:mariadb://127.0.0.1:" + Settings.mariadbPort() + "/" + name;
  }

  /** The SELECT-only account, as the server under test gets it. */
  public DataSource readOnly() {
    return reader;
  }

  public String readOnlyUser() {
    return readOnlyUser;
  }

  public String password() {
    return password;
  }

  /** Adds an account; returns its id. */
  public long user(String email, String role, String state) throws SQLException {
    return insert(
        "INSERT INTO users (email, name, password_hash, role, state, created_at)"
            + " VALUES (?, ?, 'not-a-hash', ?, ?, CURRENT_TIMESTAMP(3))",
        email,
        email,
        role,
        state);
  }

  /** Registers the public key file {@code pub} (an OpenSSH line) for {@code user}. */
  public void sshKey(long user, Path pub) throws SQLException {
    String line = Commands.run("cat", pub.toString()).orFail().stdout().strip();
    String fingerprint =
        Commands.run("ssh-keygen", "-lf", pub.toString()).orFail().stdout().split(" ")[1];
    insert(
        "INSERT INTO ssh_key (user_id, key_type, public_key, fingerprint, comment, created_at)"
            + " VALUES (?, ?, ?, ?, 'test', CURRENT_TIMESTAMP(3))",
        user,
        line.split(" ")[0],
        line,
        fingerprint);
  }

  /** Adds a webapp owned by {@code owner}. */
  public void webapp(String dockerName, long owner) throws SQLException {
    insert(
        "INSERT INTO webapp (name, docker_name, owner_id, visibility, memory_mb, entrypoint, created_at)"
            + " VALUES (?, ?, ?, 'PRIVATE', 256, '/bin/true', CURRENT_TIMESTAMP(3))",
        dockerName,
        dockerName,
        owner);
  }

  private long insert(String sql, Object... values) throws SQLException {
    try (Connection connection = writer.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      statement.executeUpdate();
      try (ResultSet keys = statement.getGeneratedKeys()) {
        return keys.next() ? keys.getLong(1) : 0;
      }
    }
  }

  private static void root(String sql) {
    Commands.run(
            List.of("mariadb", "--socket=" + Settings.mariadbSocket(), "-uroot", "-e", sql),
            "",
            Map.of(),
            Duration.ofSeconds(60))
        .orFail();
  }

  @Override
  public void close() {
    root(
        "DROP DATABASE IF EXISTS "
            + name
            + ";"
            + "DROP USER IF EXISTS '"
            + name
            + "_rw'@'127.0.0.1', '"
            + readOnlyUser
            + "'@'127.0.0.1';");
  }
}
