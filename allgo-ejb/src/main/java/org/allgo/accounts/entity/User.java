package org.allgo.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.eclipse.persistence.annotations.CacheIndex;

/** A person with an account: who they are, how they sign in and what they may do. */
@Entity
@Table(name = "users")
@NamedQuery(name = User.BY_EMAIL, query = "SELECT u FROM User u WHERE u.email = :email")
@NamedQuery(name = User.BY_TOKEN, query = "SELECT u FROM User u WHERE u.apiTokenHash = :hash")
public class User {

  public static final String BY_EMAIL = "User.byEmail";
  public static final String BY_TOKEN = "User.byToken";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  // Every request finds its caller by e-mail or API token: from the cache, once the user was read.
  @CacheIndex
  @Column(nullable = false, length = 254)
  private String email;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Role role;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private AccountState state;

  @CacheIndex
  @Column(name = "api_token_hash", length = 64)
  private String apiTokenHash;

  @Column(name = "notify_job_finished", nullable = false)
  private boolean notifyJobFinished;

  // A finished job is mailed about when it ran at least this long.
  @Column(name = "notify_after_seconds", nullable = false)
  private int notifyAfterSeconds;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  // One more each time the password is set: sessions signed in with an older one end.
  @Column(name = "credentials_version", nullable = false)
  private int credentialsVersion;

  /** New accounts are mailed about jobs that ran three minutes or more, not about short ones. */
  public static final int NOTIFY_AFTER_SECONDS = 180;

  protected User() {}

  public User(
      String email,
      String name,
      String passwordHash,
      Role role,
      AccountState state,
      Instant createdAt) {
    this.email = Objects.requireNonNull(email, "email");
    this.name = Objects.requireNonNull(name, "name");
    this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
    this.role = Objects.requireNonNull(role, "role");
    this.state = Objects.requireNonNull(state, "state");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.notifyJobFinished = true;
    this.notifyAfterSeconds = NOTIFY_AFTER_SECONDS;
  }

  public Long id() {
    return id;
  }

  public String email() {
    return email;
  }

  public String name() {
    return name;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public Role role() {
    return role;
  }

  public AccountState state() {
    return state;
  }

  public boolean notifyJobFinished() {
    return notifyJobFinished;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public boolean isActive() {
    return state == AccountState.ACTIVE;
  }

  public boolean isSuperuser() {
    return role == Role.SUPERUSER;
  }

  /**
   * What this user may do with what {@code owner} owns (a job, a webapp): all of it when they are
   * the owner or a superuser. The one ownership rule of allgo.
   */
  public boolean mayActFor(User owner) {
    return isSuperuser() || owner != null && id.equals(owner.id());
  }

  /** The address is confirmed: an unconfirmed account becomes active, a locked one stays locked. */
  public void confirm() {
    if (state == AccountState.UNCONFIRMED) {
      state = AccountState.ACTIVE;
    }
  }

  public void changeState(AccountState newState) {
    this.state = Objects.requireNonNull(newState, "state");
  }

  public void changeRole(Role newRole) {
    this.role = Objects.requireNonNull(newRole, "role");
  }

  public void changeEmail(String newEmail) {
    this.email = Objects.requireNonNull(newEmail, "email");
  }

  /**
   * Sets a new password: the sessions signed in with the previous one end, and the API token is
   * revoked (a new one is made from the account page or {@code POST /api/v2/tokens}).
   */
  public void changePassword(String newHash) {
    this.passwordHash = Objects.requireNonNull(newHash, "passwordHash");
    this.credentialsVersion++;
    this.apiTokenHash = null;
  }

  /** The version of the credentials a session was signed in with must be this one. */
  public int credentialsVersion() {
    return credentialsVersion;
  }

  public void rename(String newName) {
    this.name = Objects.requireNonNull(newName, "name");
  }

  public void notifyJobFinished(boolean notify) {
    this.notifyJobFinished = notify;
  }

  public int notifyAfterSeconds() {
    return notifyAfterSeconds;
  }

  public void notifyAfterSeconds(int seconds) {
    this.notifyAfterSeconds = seconds;
  }

  /**
   * Whether a job of this user's that asked for a mail gets one, having run {@code ran}: only when
   * it ran at least the account's threshold, so short jobs send nothing.
   */
  public boolean wantsMailAfter(Duration ran) {
    return (ran == null ? 0 : ran.toSeconds()) >= notifyAfterSeconds;
  }

  /** Replaces the API token: the previous one stops working with this change. */
  /** The SHA-256 of the account's API token, or null when it has none. */
  public String apiTokenHash() {
    return apiTokenHash;
  }

  public void replaceApiToken(String tokenHash) {
    this.apiTokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
  }

  public AccountView view() {
    return new AccountView(
        id,
        name,
        email,
        role,
        state,
        notifyJobFinished,
        notifyAfterSeconds,
        apiTokenHash != null,
        createdAt);
  }

  public Caller caller() {
    return new Caller(id, email, role.groups(), credentialsVersion);
  }
}
