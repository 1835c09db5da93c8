package org.allgo.accounts.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.allgo.accounts.boundary.RegistrationService;
import org.allgo.pages.Pages;

/** {@code /users/sign_up}: opens an account and says where the confirmation mail went. */
@Named
@RequestScoped
public class SignUpBacking extends NewPasswordForm {

  @Inject RegistrationService registration;

  private String name;
  private boolean done;

  public void signUp() {
    if (!passwordsMatch()) {
      return;
    }
    done = Pages.attempt(() -> registration.signUp(name, getEmail(), getPassword()));
    if (done) {
      Pages.info(
          "Welcome! A mail with a confirmation link is on its way to "
              + getEmail().strip()
              + ": follow it to activate your account.");
    }
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public boolean isDone() {
    return done;
  }
}
