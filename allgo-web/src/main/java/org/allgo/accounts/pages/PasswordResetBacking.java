package org.allgo.accounts.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.allgo.accounts.boundary.RegistrationService;
import org.allgo.pages.Pages;

/**
 * {@code /users/password/new} asks for a reset mail (the answer never tells whether the address has
 * an account); {@code /users/password/edit?reset_password_token=...} sets the new password.
 */
@Named
@RequestScoped
public class PasswordResetBacking extends NewPasswordForm {

  @Inject RegistrationService registration;

  private String token;
  private boolean linkValid;
  private boolean done;

  public void requestMail() {
    done = Pages.attempt(() -> registration.requestPasswordReset(getEmail()));
    if (done) {
      Pages.info(
          "If an account has this address, a mail with a link to choose a new password is"
              + " on its way. The link works for six hours.");
    }
  }

  /** Tells at once when the link is dead, instead of after the new password is typed. */
  public void checkLink() {
    if (token == null || token.isBlank()) {
      Pages.error("This password reset link is not complete: copy the whole link from the mail.");
      return;
    }
    linkValid = Pages.attempt(() -> registration.checkResetLink(token));
  }

  public void reset() {
    linkValid = true;
    if (!passwordsMatch()) {
      return;
    }
    done = Pages.attempt(() -> registration.resetPassword(token, getPassword()));
    if (done) {
      Pages.info("Your password is changed: you can sign in with it now.");
    }
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public boolean isLinkValid() {
    return linkValid;
  }

  public boolean isDone() {
    return done;
  }
}
