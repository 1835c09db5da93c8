package org.allgo.accounts.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.allgo.accounts.control.AccountMails;
import org.allgo.accounts.control.AccountRules;
import org.allgo.accounts.control.LoginThrottle;
import org.allgo.accounts.control.MailTokenStore;
import org.allgo.accounts.control.Passwords;
import org.allgo.accounts.control.UserStore;
import org.allgo.accounts.entity.AccountState;
import org.allgo.accounts.entity.AccountView;
import org.allgo.accounts.entity.MailToken;
import org.allgo.accounts.entity.Role;
import org.allgo.accounts.entity.TokenPurpose;
import org.allgo.accounts.entity.User;
import org.allgo.platform.BusinessException;

/**
 * Opening an account and proving its address: sign-up, the confirmation link, and the password
 * reset by a link sent to the address. Anonymous callers use it.
 */
@Stateless
public class RegistrationService {

  /** Confirmation links an account may be sent in an hour, the sign-up's included. */
  public static final int MAX_CONFIRMATIONS_PER_HOUR = 5;

  @Inject UserStore users;

  @Inject MailTokenStore links;

  @Inject LoginThrottle throttle;

  @Inject Passwords passwords;

  @Inject AccountMails accountMails;

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
      accountMails.sendAddressTaken(taken.get());
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
    accountMails.sendConfirmation(user, cleanEmail);
  }

  /**
   * Mails a new confirmation link if the address belongs to an unconfirmed account that was sent
   * fewer than {@value #MAX_CONFIRMATIONS_PER_HOUR} links in the last hour. The answer is the same
   * either way: whether an address has an account is not told.
   */
  public void resendConfirmation(String email) {
    Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
    users
        .findByEmail(AccountRules.email(email))
        .filter(u -> u.state() == AccountState.UNCONFIRMED)
        // A page anyone can post to must not become a way to flood an address with mail.
        .filter(
            u ->
                links.countIssuedSince(u, TokenPurpose.CONFIRMATION, hourAgo)
                    < MAX_CONFIRMATIONS_PER_HOUR)
        .ifPresent(u -> accountMails.sendConfirmation(u, u.email()));
  }

  /** Follows a confirmation link: activates the account, or switches it to its new address. */
  public AccountView confirm(String token) {
    MailToken link = link(token, TokenPurpose.CONFIRMATION);
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
        .ifPresent(accountMails::sendPasswordReset);
  }

  /** Checks a reset link without using it, so that the page can say at once that it is dead. */
  public void checkResetLink(String token) {
    MailToken link = link(token, TokenPurpose.PASSWORD_RESET);
    link.check(Instant.now());
  }

  /** Follows a reset link: sets the new password; the link proves the address, too. */
  public void resetPassword(String token, String newPassword) {
    MailToken link = link(token, TokenPurpose.PASSWORD_RESET);
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

  private MailToken link(String token, TokenPurpose purpose) {
    return links.find(token, purpose).orElseThrow(() -> invalidLink(purpose));
  }

  private static BusinessException invalidLink(TokenPurpose purpose) {
    return BusinessException.invalid(
        "link-invalid",
        "This "
            + purpose.label()
            + " link is not valid: copy the whole link from the mail, or ask for a new one.");
  }
}
