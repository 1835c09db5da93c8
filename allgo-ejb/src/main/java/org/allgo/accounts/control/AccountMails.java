package org.allgo.accounts.control;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.allgo.accounts.entity.TokenPurpose;
import org.allgo.accounts.entity.User;
import org.allgo.mail.entity.Mail;
import org.allgo.mail.entity.MailTemplate;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The mails of accounts: address confirmation and password reset, each with a single-use link, and
 * the notice to an address someone tried to sign up with again.
 */
@Dependent
public class AccountMails {

  @Inject MailTokenStore links;

  @Inject Event<Mail> mails;

  @Inject
  @ConfigProperty(name = "allgo.base-url", defaultValue = "http://localhost:8080")
  String baseUrl;

  /** Mails the link that confirms {@code address} as the user's. */
  public void sendConfirmation(User user, String address) {
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

  /** Mails the link that lets the user choose a new password. */
  public void sendPasswordReset(User u) {
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
  }

  /** Mails the owner of an address that someone tried to sign up with: how to sign in or reset. */
  public void sendAddressTaken(User owner) {
    mails.fire(
        new Mail(
            owner.email(),
            MailTemplate.ADDRESS_TAKEN,
            Map.of(
                "name",
                owner.name(),
                "link",
                link("/users/sign_in", ""),
                "reset",
                link("/users/password/new", ""))));
  }

  private String link(String pathAndParameter, String token) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    return base + pathAndParameter + URLEncoder.encode(token, StandardCharsets.UTF_8);
  }
}
