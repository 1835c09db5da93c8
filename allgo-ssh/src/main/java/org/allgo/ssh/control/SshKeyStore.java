package org.allgo.ssh.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.allgo.ssh.entity.AuthorizedKey;

/** The keys that open a webapp's sandbox, read at each login through a read-only account. */
public final class SshKeyStore {

  // The owner's keys and every superuser's, of active accounts only; none for an unknown webapp.
  static final String ACCEPTED_KEYS =
      """
      SELECT u.email, k.public_key, k.fingerprint
      FROM webapp w
      JOIN users u ON u.id = w.owner_id OR u.role = 'SUPERUSER'
      JOIN ssh_key k ON k.user_id = u.id
      WHERE w.docker_name = ? AND u.state = 'ACTIVE'
      ORDER BY k.id""";

  private final DataSource database;

  public SshKeyStore(DataSource database) {
    this.database = database;
  }

  /** The keys accepted for login name {@code dockerName}; empty for an unknown webapp. */
  public List<AuthorizedKey> acceptedKeys(String dockerName) throws SQLException {
    try (Connection connection = database.getConnection();
        PreparedStatement query = connection.prepareStatement(ACCEPTED_KEYS)) {
      query.setString(1, dockerName);
      List<AuthorizedKey> keys = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          keys.add(new AuthorizedKey(rows.getString(1), rows.getString(2), rows.getString(3)));
        }
      }
      return keys;
    }
  }
}
