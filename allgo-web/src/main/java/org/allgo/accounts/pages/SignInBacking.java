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
import org.allgo.security.SignInOutcome;

/**
 * {@code /users/sign_in}: hands e-mail and password to the authentication mechanism, then goes to
 * the page asked for before ({@code next}, a path of the application only) or to the catalog.
 */
@Named
@RequestScoped
public class SignInBacking {

  @Inject SecurityContext security;

  @Inject SignInOutcome outcome;

  private String email;
  private String password;
  private String next;

  public void signIn() {
    if (email == null || email.isBlank() || password == null || password.isEmpty()) {
      Pages.error("Please give your e-mail address and your password.");
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
      default ->
          Pages.error(
              outcome
                  .failure()
                  .map(LoginResult.Failure::message)
                  .orElse("Wrong e-mail address or password."));
    }
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
