package org.allgo.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.allgo.accounts.entity.Caller;
import org.allgo.accounts.entity.LoginResult;

/**
 * The sign-in of the current request as the identity store saw it: who signed in (for the session
 * to keep their credentials' version), or why it failed (for the page to say so); the identity
 * store can only answer "valid" or "invalid" to the authentication mechanism.
 */
@RequestScoped
public class SignInOutcome {

  private LoginResult.Failure failure;

  private Caller caller;

  void succeeded(Caller caller) {
    this.caller = caller;
  }

  Optional<Caller> caller() {
    return Optional.ofNullable(caller);
  }

  void failed(LoginResult.Failure failure) {
    this.failure = failure;
  }

  public Optional<LoginResult.Failure> failure() {
    return Optional.ofNullable(failure);
  }
}
