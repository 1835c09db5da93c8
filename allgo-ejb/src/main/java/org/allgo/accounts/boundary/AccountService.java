package org.allgo.accounts.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.allgo.accounts.control.AccountMails;
import org.allgo.accounts.control.AccountRules;
import org.allgo.accounts.control.Callers;
import org.allgo.accounts.control.LoginThrottle;
import org.allgo.accounts.control.Passwords;
import org.allgo.accounts.control.Tokens;
import org.allgo.accounts.control.UserStore;
import org.allgo.accounts.entity.AccountView;
import org.allgo.accounts.entity.Caller;
import org.allgo.accounts.entity.LoginResult;
import org.allgo.accounts.entity.User;
import org.allgo.platform.BusinessException;

/**
 * The caller's own account (profile, password, address, API token), and what the security layer
 * asks about callers. The account changed is the caller's, as the authentication named them ({@link
 * Callers}).
 */
@Stateless
public class AccountService {

  @Inject UserStore users;

  @Inject Callers callers;

  @Inject LoginThrottle throttle;

  @Inject Passwords passwords;

  @Inject AccountMails accountMails;

  /**
   * Checks a sign-in from a client address. Failures are counted per account and address, and per
   * address: past a few, sign-in there is refused for a delay that grows with each failure.
   */
  // No transaction of its own: the throttle commits its counts in theirs, and a sign-in holds no
  // database connection while it waits for them.
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public LoginResult authenticate(String email, String password, String clientAddress) {
    String address;
    try {
      address = AccountRules.email(email);
    } catch (BusinessException e) {
      return badCredentials();
    }
    if (password == null || password.isEmpty() || password.length() > AccountRules.MAX_PASSWORD) {
      return badCredentials();
    }
    Instant now = Instant.now();
    Optional<Instant> blocked = throttle.attempt(address, clientAddress, now);
    if (blocked.isPresent()) {
      return throttled(Duration.between(now, blocked.get()));
    }
    Optional<User> user = users.findByEmail(address);
    boolean verified =
        user.map(u -> passwords.verify(password, u.passwordHash()))
            .orElseGet(
                () -> {
                  passwords.verifyNothing(password);
                  return false;
                });
    if (!verified) {
      return badCredentials();
    }
    throttle.succeeded(address, clientAddress, now);
    return switch (user.get().state()) {
      case ACTIVE -> new LoginResult.Success(user.get().caller());
      case UNCONFIRMED ->
          new LoginResult.Failure(
              BusinessException.Kind.FORBIDDEN,
              "account-unconfirmed",
              "Please confirm your e-mail address first:"
                  + " follow the link in the mail we sent you.");
      case LOCKED ->
          new LoginResult.Failure(
              BusinessException.Kind.FORBIDDEN,
              "account-locked",
              "This account is locked. Please contact the administrators.");
    };
  }

  /** The active user holding this API token, if any. */
  public Optional<Caller> findCallerByToken(String token) {
    if (!Tokens.isWellFormed(token)) {
      return Optional.empty();
    }
    return users.findByTokenHash(Tokens.hash(token)).filter(User::isActive).map(User::caller);
  }

  /**
   * The user of a session, as long as the account is active and its password is the one the session
   * was signed in with.
   */
  public Optional<Caller> findActiveCaller(long id, int credentialsVersion) {
    return users
        .findById(id)
        .filter(User::isActive)
        .filter(u -> u.credentialsVersion() == credentialsVersion)
        .map(User::caller);
  }

  public AccountView getAccount() {
    return caller().view();
  }

  /**
   * Changes the caller's name and job mail choice: whether to mail at all, and from how long a run
   * (null keeps the threshold as it is).
   */
  public AccountView updateProfile(
      String name, boolean notifyJobFinished, Integer notifyAfterSeconds) {
    User user = caller();
    user.rename(AccountRules.name(name));
    user.notifyJobFinished(notifyJobFinished);
    if (notifyAfterSeconds != null) {
      user.notifyAfterSeconds(AccountRules.notifyAfterSeconds(notifyAfterSeconds));
    }
    return user.view();
  }

  /**
   * Sets a new password: the user's other sessions end and the API token is revoked. Returns the
   * caller as the session that changed it goes on.
   */
  public Caller changePassword(String currentPassword, String newPassword) {
    User user = caller();
    checkCurrentPassword(user, currentPassword);
    AccountRules.password(newPassword, user.email());
    user.changePassword(passwords.hash(newPassword));
    return user.caller();
  }

  /** Mails a confirmation link to the new address; the account changes when it is followed. */
  public void requestEmailChange(String newEmail, String currentPassword) {
    User user = caller();
    checkCurrentPassword(user, currentPassword);
    String address = AccountRules.email(newEmail);
    if (address.equals(user.email())) {
      throw BusinessException.invalid("email-unchanged", "This is already your e-mail address.");
    }
    if (users.findByEmail(address).isPresent()) {
      throw BusinessException.conflict(
          "email-taken", "An account with this e-mail address already exists.");
    }
    accountMails.sendConfirmation(user, address);
  }

  /** Replaces the API token; the old one stops working at once. Returned only this once. */
  public String regenerateApiToken() {
    User user = caller();
    String token = Tokens.newToken();
    user.replaceApiToken(Tokens.hash(token));
    return token;
  }

  private User caller() {
    return callers.require("Sign in (or send your API token) to see your account.");
  }

  private void checkCurrentPassword(User user, String currentPassword) {
    if (currentPassword == null
        || currentPassword.length() > AccountRules.MAX_PASSWORD
        || !passwords.verify(currentPassword, user.passwordHash())) {
      throw BusinessException.invalid("password-wrong", "The current password is not correct.");
    }
  }

  private static LoginResult throttled(Duration wait) {
    long seconds = Math.max(1, wait.toSeconds() + 1);
    String after = seconds < 120 ? seconds + " seconds" : (seconds + 59) / 60 + " minutes";
    return new LoginResult.Failure(
        BusinessException.Kind.TOO_MANY_REQUESTS,
        "login-throttled",
        "Too many failed sign-in attempts: try again in " + after + ".");
  }

  private static LoginResult badCredentials() {
    return new LoginResult.Failure(
        BusinessException.Kind.UNAUTHORIZED,
        "bad-credentials",
        "Wrong e-mail address or password.");
  }
}
