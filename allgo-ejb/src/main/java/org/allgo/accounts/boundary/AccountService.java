package org.allgo.accounts.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.allgo.accounts.control.AccountRules;
import org.allgo.accounts.control.Callers;
import org.allgo.accounts.control.LoginThrottle;
import org.allgo.accounts.control.MailTokenStore;
import org.allgo.accounts.control.Passwords;
import org.allgo.accounts.control.Tokens;
import org.allgo.accounts.control.UserStore;
import org.allgo.accounts.entity.AccountState;
import org.allgo.accounts.entity.AccountView;
import org.allgo.accounts.entity.Caller;
import org.allgo.accounts.entity.LoginResult;
import org.allgo.accounts.entity.MailToken;
import org.allgo.accounts.entity.Role;
import org.allgo.accounts.entity.TokenPurpose;
import org.allgo.accounts.entity.User;
import org.allgo.mail.entity.Mail;
import org.allgo.mail.entity.MailTemplate;
import org.allgo.platform.BusinessException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Everything a user does with their account, and what the security layer asks about callers. The
 * account changed is the caller's own, as the authentication named them ({@link Callers}).
 */
@Stateless
public class AccountService {

  @Inject UserStore users;

  @Inject Callers callers;

  @Inject MailTokenStore links;

  @Inject LoginThrottle throttle;

  @Inject Passwords passwords;

  @Inject Event<Mail> mails;

  @Inject
  @ConfigProperty(name = "allgo.base-url", defaultValue = "http://localhost:8080")
  String baseUrl;

  /** Opens an unconfirmed account and mails the confirmation link. */
  public AccountView signUp(String name, String email, String password) {
    String cleanName = AccountRules.name(name);
    String cleanEmail = AccountRules.email(email);
    AccountRules.password(password, cleanEmail);
    if (users.findByEmail(cleanEmail).isPresent()) {
      throw BusinessException.conflict(
          "email-taken",
          "An account with this e-mail address already exists: sign in, or reset your password.");
    }
    User user =
        users.add(
            new User(
                cleanEmail,
                cleanName,
                passwords.hash(password),
                Role.USER,
                AccountState.UNCONFIRMED,
                Instant.now()));
    sendConfirmation(user, cleanEmail);
    return user.view();
  }

  /** Mails a new confirmation link if the address belongs to an unconfirmed account. */
  public void resendConfirmation(String email) {
    users
        .findByEmail(AccountRules.email(email))
        .filter(u -> u.state() == AccountState.UNCONFIRMED)
        .ifPresent(u -> sendConfirmation(u, u.email()));
  }

  /** Follows a confirmation link: activates the account, or switches it to its new address. */
  public AccountView confirm(String token) {
    MailToken link =
        links
            .find(token, TokenPurpose.CONFIRMATION)
            .orElseThrow(() -> invalidLink(TokenPurpose.CONFIRMATION));
    link.use(Instant.now());
    User user = link.user();
    if (!link.email().equals(user.email())) {
      if (users.findByEmail(link.email()).isPresent()) {
        throw BusinessException.conflict(
            "email-taken",
            "Another account uses " + link.email() + " now: the address was not changed.");
      }
      user.changeEmail(link.email());
    }
    user.confirm();
    return user.view();
  }

  /**
   * Mails a password-reset link if an account has this address. The answer is the same either way:
   * whether an address has an account is not told.
   */
  public void requestPasswordReset(String email) {
    users
        .findByEmail(AccountRules.email(email))
        .filter(u -> u.state() != AccountState.LOCKED)
        .ifPresent(
            u -> {
              String token = links.issue(u, TokenPurpose.PASSWORD_RESET, u.email(), Instant.now());
              mails.fire(
                  new Mail(
                      u.email(),
                      MailTemplate.PASSWORD_RESET,
                      Map.of(
                          "name",
                          u.name(),
                          "link",
                          link("/users/password/edit?reset_password_token=", token))));
            });
  }

  /** Checks a reset link without using it, so that the page can say at once that it is dead. */
  public void checkResetLink(String token) {
    MailToken link =
        links
            .find(token, TokenPurpose.PASSWORD_RESET)
            .orElseThrow(() -> invalidLink(TokenPurpose.PASSWORD_RESET));
    link.check(Instant.now());
  }

  /** Follows a reset link: sets the new password; the link proves the address, too. */
  public void resetPassword(String token, String newPassword) {
    MailToken link =
        links
            .find(token, TokenPurpose.PASSWORD_RESET)
            .orElseThrow(() -> invalidLink(TokenPurpose.PASSWORD_RESET));
    User user = link.user();
    AccountRules.password(newPassword, user.email());
    link.use(Instant.now());
    if (user.state() == AccountState.LOCKED) {
      throw new BusinessException(
          BusinessException.Kind.FORBIDDEN, "account-locked", "This account is locked.");
    }
    user.changePassword(passwords.hash(newPassword));
    user.confirm();
    throttle.clear(user.email());
  }

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
    sendConfirmation(user, address);
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

  private void sendConfirmation(User user, String address) {
    String token = links.issue(user, TokenPurpose.CONFIRMATION, address, Instant.now());
    mails.fire(
        new Mail(
            address,
            MailTemplate.CONFIRMATION,
            Map.of(
                "name",
                user.name(),
                "link",
                link("/users/confirmation?confirmation_token=", token))));
  }

  private String link(String pathAndParameter, String token) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    return base + pathAndParameter + URLEncoder.encode(token, StandardCharsets.UTF_8);
  }

  private static LoginResult badCredentials() {
    return new LoginResult.Failure(
        BusinessException.Kind.UNAUTHORIZED,
        "bad-credentials",
        "Wrong e-mail address or password.");
  }

  private static BusinessException invalidLink(TokenPurpose purpose) {
    return BusinessException.invalid(
        "link-invalid",
        "This "
            + purpose.label()
            + " link is not valid: copy the whole link from the mail, or ask for a new one.");
  }
}
