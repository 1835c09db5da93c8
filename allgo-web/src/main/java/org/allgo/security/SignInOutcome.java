package org.allgo.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.allgo.accounts.entity.LoginResult;

/**
 * Why the sign-in of the current request failed, for the page to say so: the identity store can
 * only answer "invalid" to the authentication mechanism.
 */
@RequestScoped
public class SignInOutcome {

  private LoginResult.Failure failure;

  void failed(LoginResult.Failure failure) {
    this.failure = failure;
  }

  public Optional<LoginResult.Failure> failure() {
    return Optional.ofNullable(failure);
  }
}
