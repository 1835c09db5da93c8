package org.allgo.accounts.boundary;

import jakarta.ejb.Stateless;
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

  /** Checks a sign-in; failures are counted per address and block it for a while. */
  public LoginResult authenticate(String email, String password) {
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
    Optional<Instant> blocked = throttle.blockedUntil(address, now);
    if (blocked.isPresent()) {
      long minutes = Math.max(1, Duration.between(now, blocked.get()).toSeconds() / 60 + 1);
      return new LoginResult.Failure(
          BusinessException.Kind.TOO_MANY_REQUESTS,
          "login-throttled",
          "Too many failed sign-in attempts for this address: try again in "
              + minutes
              + " minute"
              + (minutes == 1 ? "" : "s")
              + ".");
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
      throttle.recordFailure(address, now);
      return badCredentials();
    }
    throttle.clear(address);
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

  /** The user of a session, as long as the account is active. */
  public Optional<Caller> findActiveCaller(long id) {
    return users.findById(id).filter(User::isActive).map(User::caller);
  }

  public AccountView getAccount() {
    return caller().view();
  }

  public AccountView updateProfile(String name, boolean notifyJobFinished) {
    User user = caller();
    user.rename(AccountRules.name(name));
    user.notifyJobFinished(notifyJobFinished);
    return user.view();
  }

  public void changePassword(String currentPassword, String newPassword) {
    User user = caller();
    checkCurrentPassword(user, currentPassword);
    AccountRules.password(newPassword, user.email());
    user.changePassword(passwords.hash(newPassword));
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

  private static LoginResult badCredentials() {
    return new LoginResult.Failure(
        BusinessException.Kind.UNAUTHORIZED,
        "bad-credentials",
        "Wrong e-mail address or password.");
  }
}
