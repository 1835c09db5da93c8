package org.allgo.accounts.entity;

import java.util.Objects;
import org.allgo.platform.BusinessException;

/**
 * The outcome of a sign-in attempt. A failure is an answer, not an exception: the failure count it
 * adds must be committed.
 */
public sealed interface LoginResult {

  /** The credentials are right and the account may sign in. */
  record Success(Caller caller) implements LoginResult {
    public Success {
      Objects.requireNonNull(caller, "caller");
    }
  }

  /** Refused: why, as a status kind, a code for clients and a sentence for the user. */
  record Failure(BusinessException.Kind kind, String code, String message) implements LoginResult {
    public Failure {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
    }

    public BusinessException exception() {
      return new BusinessException(kind, code, message);
    }
  }
}
