package org.allgo.accounts.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.allgo.accounts.boundary.RegistrationService;
import org.allgo.accounts.entity.AccountView;
import org.allgo.pages.Pages;

/** {@code /users/confirmation?confirmation_token=...}: the link of a confirmation mail. */
@Named
@RequestScoped
public class ConfirmationBacking {

  @Inject RegistrationService registration;

  private String token;
  private boolean confirmed;

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

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public boolean isConfirmed() {
    return confirmed;
  }
}
