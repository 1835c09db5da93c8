package org.allgo.accounts.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.allgo.accounts.control.AccountRules;
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
 * Everything a user does with their account, and what the security layer asks about callers. Users
 * are named by their e-mail address, the caller name the security layer hands out.
 */
@Stateless
public class AccountService {

  @Inject UserStore users;

  @Inject MailTokenStore links;

  @Inject LoginThrottle throttle;

  @Inject Passwords passwords;

  @Inject Event<Mail> mails;

  @Inject
  @ConfigProperty(name = "allgo.base-url", defaultValue = "http://localhost:8080")
  String baseUrl;

  /**
   * Opens an unconfirmed account and mails the confirmation link. An address that has an account
   * gets a mail saying so instead, and the answer is the same: whether an address has an account is
   * not told.
   */
  public void signUp(String name, String email, String password) {
    String cleanName = AccountRules.name(name);
    String cleanEmail = AccountRules.email(email);
    AccountRules.password(password, cleanEmail);
    Optional<User> taken = users.findByEmail(cleanEmail);
    if (taken.isPresent()) {
      // As long as a sign-up that makes an account: the time does not tell either.
      passwords.hash(password);
      mails.fire(
          new Mail(
              cleanEmail,
              MailTemplate.ADDRESS_TAKEN,
              Map.of(
                  "name",
                  taken.get().name(),
                  "link",
                  link("/users/sign_in", ""),
                  "reset",
                  link("/users/password/new", ""))));
      return;
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

  public AccountView getAccount(String email) {
    return users.getByEmail(email).view();
  }

  public AccountView updateProfile(String email, String name, boolean notifyJobFinished) {
    User user = users.getByEmail(email);
    user.rename(AccountRules.name(name));
    user.notifyJobFinished(notifyJobFinished);
    return user.view();
  }

  /**
   * Sets a new password: the user's other sessions end and the API token is revoked. Returns the
   * caller as the session that changed it goes on.
   */
  public Caller changePassword(String email, String currentPassword, String newPassword) {
    User user = users.getByEmail(email);
    checkCurrentPassword(user, currentPassword);
    AccountRules.password(newPassword, user.email());
    user.changePassword(passwords.hash(newPassword));
    return user.caller();
  }

  /** Mails a confirmation link to the new address; the account changes when it is followed. */
  public void requestEmailChange(String email, String newEmail, String currentPassword) {
    User user = users.getByEmail(email);
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
  public String regenerateApiToken(String email) {
    User user = users.getByEmail(email);
    String token = Tokens.newToken();
    user.replaceApiToken(Tokens.hash(token));
    return token;
  }

  /** For administrators: activates or locks an account. */
  public AccountView changeState(long userId, AccountState state) {
    if (state == null || state == AccountState.UNCONFIRMED) {
      throw BusinessException.invalid("state-invalid", "An account can be made ACTIVE or LOCKED.");
    }
    User user = users.getById(userId);
    user.changeState(state);
    return user.view();
  }

  /** For administrators: makes a user a superuser, or a superuser an ordinary user again. */
  public AccountView changeRole(long userId, Role role) {
    if (role == null) {
      throw BusinessException.invalid("role-invalid", "A role is USER or SUPERUSER.");
    }
    User user = users.getById(userId);
    user.changeRole(role);
    return user.view();
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

  private static BusinessException invalidLink(TokenPurpose purpose) {
    return BusinessException.invalid(
        "link-invalid",
        "This "
            + purpose.label()
            + " link is not valid: copy the whole link from the mail, or ask for a new one.");
  }
}
