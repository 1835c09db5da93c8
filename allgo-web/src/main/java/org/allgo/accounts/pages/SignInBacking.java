package org.allgo.accounts.pages;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.allgo.accounts.entity.LoginResult;
import org.allgo.pages.Pages;
import org.allgo.platform.BusinessException;
import org.allgo.security.SignInOutcome;

/**
 * {@code /users/sign_in}: hands e-mail and password to the authentication mechanism, then goes to
 * the page asked for before ({@code next}, a path of the application only) or to the catalog.
 */
@Named
@RequestScoped
public class SignInBacking {

  private static final LoginResult.Failure WRONG_CREDENTIALS =
      new LoginResult.Failure(
          BusinessException.Kind.UNAUTHORIZED,
          "bad-credentials",
          "Wrong e-mail address or password.");

  @Inject SecurityContext security;

  @Inject SignInOutcome outcome;

  private String email;
  private String password;
  private String next;
  private boolean wrongCredentials;
  private boolean unconfirmed;

  public void signIn() {
    boolean complete =
        given("email", email != null && !email.isBlank(), "Please give your e-mail address.");
    complete &=
        given("password", password != null && !password.isEmpty(), "Please give your password.");
    if (!complete) {
      return;
    }
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    AuthenticationStatus status =
        security.authenticate(
            (HttpServletRequest) external.getRequest(),
            (HttpServletResponse) external.getResponse(),
            withParams()
                .newAuthentication(true)
                .credential(new UsernamePasswordCredential(email.strip(), new Password(password))));
    switch (status) {
      case SUCCESS -> Pages.redirect(Pages.localPath(next, "/"));
      case SEND_CONTINUE -> faces.responseComplete();
      default -> refused(outcome.failure().orElse(WRONG_CREDENTIALS));
    }
  }

  // Wrong credentials are one answer for the form (which of the two is wrong is not told); the
  // password field is marked as the one to type again.
  private void refused(LoginResult.Failure failure) {
    Pages.error(failure.message());
    wrongCredentials = failure.code().equals(WRONG_CREDENTIALS.code());
    unconfirmed = failure.code().equals("account-unconfirmed");
  }

  private static boolean given(String field, boolean given, String message) {
    if (!given) {
      Pages.error("signin:" + field, message);
    }
    return given;
  }

  /** Whether the sign-in was refused for a wrong e-mail address or password. */
  public boolean isWrongCredentials() {
    return wrongCredentials;
  }

  /** Whether the sign-in was refused because the account's address is not confirmed yet. */
  public boolean isUnconfirmed() {
    return unconfirmed;
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

  public String getNext() {
    return next;
  }

  public void setNext(String next) {
    this.next = next;
  }
}
