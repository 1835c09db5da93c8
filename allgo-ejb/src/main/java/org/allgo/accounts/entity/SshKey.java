package org.allgo.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * An SSH public key that lets its user into their sandboxes. The SSH front end reads this table
 * with a read-only account: {@code public_key} is the OpenSSH line as given.
 */
@Entity
@Table(name = "ssh_key")
@NamedQuery(
    name = SshKey.OF_USER,
    query = "SELECT k FROM SshKey k WHERE k.userId = :userId ORDER BY k.createdAt, k.id")
@NamedQuery(
    name = SshKey.BY_FINGERPRINT,
    query = "SELECT k FROM SshKey k WHERE k.fingerprint = :fingerprint")
public class SshKey {

  public static final String OF_USER = "SshKey.ofUser";
  public static final String BY_FINGERPRINT = "SshKey.byFingerprint";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id", nullable = false)
  private Long userId;

  @Column(name = "key_type", nullable = false, length = 64)
  private String keyType;

  @Column(name = "public_key", nullable = false, length = 8192)
  private String publicKey;

  @Column(nullable = false, length = 64)
  private String fingerprint;

  @Column(nullable = false, length = 255)
  private String comment;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected SshKey() {}

  public SshKey(Long userId, PublicKeyLine key, Instant createdAt) {
    this.userId = Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(key, "key");
    this.keyType = key.type();
    this.publicKey = key.line();
    this.fingerprint = key.fingerprint();
    this.comment = key.comment();
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  public Long id() {
    return id;
  }

  public Long userId() {
    return userId;
  }

  public SshKeyView view() {
    return new SshKeyView(id, keyType, fingerprint, comment, publicKey, createdAt);
  }
}
