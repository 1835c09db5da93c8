package org.allgo.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.allgo.platform.BusinessException;

/**
 * A single-use secret sent by e-mail (confirmation, password reset). Only its hash is kept; it
 * expires after its purpose's lifetime and can be used once.
 */
@Entity
@Table(name = "mail_token")
@NamedQuery(
    name = MailToken.BY_HASH,
    query = "SELECT t FROM MailToken t WHERE t.tokenHash = :hash AND t.purpose = :purpose")
@NamedQuery(
    name = MailToken.UNUSED_OF_USER,
    query =
        "SELECT t FROM MailToken t WHERE t.user = :user AND t.purpose = :purpose"
            + " AND t.usedAt IS NULL")
@NamedQuery(
    name = MailToken.COUNT_ISSUED_SINCE,
    query =
        "SELECT COUNT(t) FROM MailToken t WHERE t.user = :user AND t.purpose = :purpose"
            + " AND t.createdAt >= :since")
public class MailToken {

  public static final String BY_HASH = "MailToken.byHash";
  public static final String UNUSED_OF_USER = "MailToken.unusedOfUser";
  public static final String COUNT_ISSUED_SINCE = "MailToken.countIssuedSince";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "user_id", nullable = false)
  private User user;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private TokenPurpose purpose;

  @Column(name = "token_hash", nullable = false, length = 64)
  private String tokenHash;

  @Column(nullable = false, length = 254)
  private String email;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  protected MailToken() {}

  /**
   * @param email the address the link is sent to: the account's, or the new one being confirmed
   */
  public MailToken(User user, TokenPurpose purpose, String tokenHash, String email, Instant now) {
    this.user = Objects.requireNonNull(user, "user");
    this.purpose = Objects.requireNonNull(purpose, "purpose");
    this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
    this.email = Objects.requireNonNull(email, "email");
    this.createdAt = Objects.requireNonNull(now, "now");
    this.expiresAt = now.plus(purpose.lifetime());
  }

  public User user() {
    return user;
  }

  public String email() {
    return email;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public boolean isUsed() {
    return usedAt != null;
  }

  /** Spends the token, or refuses when it was already used or has expired. */
  public void use(Instant now) {
    check(now);
    usedAt = now;
  }

  /** Refuses when the token was already used or has expired. */
  public void check(Instant now) {
    if (usedAt != null) {
      throw BusinessException.gone(
          "link-used", "This " + purpose.label() + " link has already been used.");
    }
    if (!now.isBefore(expiresAt)) {
      throw BusinessException.gone(
          "link-expired", "This " + purpose.label() + " link has expired: ask for a new one.");
    }
  }

  /** Makes the token unusable without it being used, as when a newer one replaces it. */
  public void revoke(Instant now) {
    if (usedAt == null) {
      usedAt = now;
    }
  }
}
