package org.allgo.accounts.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.allgo.accounts.boundary.RegistrationService;
import org.allgo.accounts.entity.AccountView;
import org.allgo.pages.Pages;
import org.allgo.platform.BusinessException;

/**
 * {@code /users/confirmation?confirmation_token=...}: the link of a confirmation mail; {@code
 * /users/confirmation/new?email=...} sends that mail again (the answer never tells whether the
 * address has an account).
 */
@Named
@RequestScoped
public class ConfirmationBacking {

  @Inject RegistrationService registration;

  private String token;
  private boolean confirmed;
  private String email;
  private boolean sent;

  public void confirm() {
    if (token == null || token.isBlank()) {
      Pages.error("This confirmation link is not complete: copy the whole link from the mail.");
      return;
    }
    confirmed =
        Pages.attempt(
            () -> {
              AccountView account = registration.confirm(token);
              Pages.info(
                  "Thank you: " + account.email() + " is confirmed. You can sign in with it.");
            });
  }

  public void resend() {
    try {
      registration.resendConfirmation(email);
    } catch (BusinessException e) {
      Pages.error("resend:email", e.getMessage());
      return;
    }
    sent = true;
    Pages.info(
        "If an account waits for the confirmation of "
            + email.strip()
            + ", a new mail with a confirmation link is on its way; the links sent before no"
            + " longer work.");
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public boolean isConfirmed() {
    return confirmed;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public boolean isSent() {
    return sent;
  }
}
