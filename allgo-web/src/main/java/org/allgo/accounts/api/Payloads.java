package org.allgo.accounts.api;

import org.allgo.accounts.entity.AccountState;
import org.allgo.platform.BusinessException;

/** The JSON bodies the account resources read and write. */
public final class Payloads {

  private Payloads() {}

  public record SignUp(String name, String email, String password) {}

  public record EmailOnly(String email) {}

  public record PasswordReset(String token, String password) {}

  public record Credentials(String email, String password) {}

  /**
   * @param notifyJobFinished mail the user when a job of theirs finishes
   * @param notifyAfterSeconds only when it ran at least this long (0: every job; 180 for a new
   *     account)
   */
  public record Profile(String name, Boolean notifyJobFinished, Integer notifyAfterSeconds) {}

  public record NewSshKey(String key) {}

  public record State(AccountState state) {}

  public record Token(String token) {}

  public record Message(String message) {}

  /** A body is required: without one the resource refuses with a 400. */
  static <T> T required(T body) {
    if (body == null) {
      throw BusinessException.invalid("body-missing", "This request needs a JSON body.");
    }
    return body;
  }
}
