package org.allgo.accounts.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.allgo.accounts.boundary.RegistrationService;
import org.allgo.pages.Pages;

/** {@code /users/sign_up}: opens an account and says where the confirmation mail went. */
@Named
@RequestScoped
public class SignUpBacking {

  @Inject RegistrationService registration;

  private String name;
  private String email;
  private String password;
  private String passwordAgain;
  private boolean done;

  public void signUp() {
    if (password != null && !password.equals(passwordAgain)) {
      Pages.error("The two passwords differ.");
      return;
    }
    done = Pages.attempt(() -> registration.signUp(name, email, password));
    if (done) {
      Pages.info(
          "Welcome! A mail with a confirmation link is on its way to "
              + email.strip()
              + ": follow it to activate your account.");
    }
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
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

  public boolean isDone() {
    return done;
  }
}
