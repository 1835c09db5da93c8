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
public class PasswordResetBacking {

  @Inject RegistrationService registration;

  private String email;
  private String token;
  private String password;
  private String passwordAgain;
  private boolean linkValid;
  private boolean done;

  public void requestMail() {
    done = Pages.attempt(() -> registration.requestPasswordReset(email));
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
    if (password != null && !password.equals(passwordAgain)) {
      Pages.error("The two passwords differ.");
      return;
    }
    done = Pages.attempt(() -> registration.resetPassword(token, password));
    if (done) {
      Pages.info("Your password is changed: you can sign in with it now.");
    }
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getPasswordAgain() {
    return passwordAgain;
  }

  public void setPasswordAgain(String passwordAgain) {
    this.passwordAgain = passwordAgain;
  }

  public boolean isLinkValid() {
    return linkValid;
  }

  public boolean isDone() {
    return done;
  }
}
