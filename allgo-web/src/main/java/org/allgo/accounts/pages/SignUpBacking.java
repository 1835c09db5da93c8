package org.allgo.accounts.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import org.allgo.accounts.boundary.RegistrationService;
import org.allgo.pages.Pages;
import org.allgo.platform.BusinessException;

/**
 * {@code /users/sign_up}: opens an account and says where the confirmation mail went; a refused
 * field is told next to it.
 */
@Named
@RequestScoped
public class SignUpBacking extends NewPasswordForm {

  static final String FORM = "signup";

  @Inject RegistrationService registration;

  private String name;
  private boolean done;

  public void signUp() {
    if (!passwordsMatch(FORM + ":passwordAgain")) {
      return;
    }
    try {
      registration.signUp(name, getEmail(), getPassword());
    } catch (BusinessException e) {
      Pages.error(fieldOf(e.code()).map(field -> FORM + ":" + field).orElse(null), e.getMessage());
      return;
    }
    done = true;
    Pages.info(
        "Welcome! A mail with a confirmation link is on its way to "
            + getEmail().strip()
            + ": follow it to activate your account.");
  }

  /** The field of the form a refusal of the account rules is about, by its code. */
  static Optional<String> fieldOf(String code) {
    if (code.startsWith("name-")) {
      return Optional.of("name");
    }
    if (code.startsWith("email-")) {
      return Optional.of("email");
    }
    if (code.startsWith("password-") || code.equals("weak-password")) {
      return Optional.of("password");
    }
    return Optional.empty();
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
