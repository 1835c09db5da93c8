package org.allgo.itc;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.allgo.accounts.boundary.AccountService;
import org.allgo.accounts.entity.LoginResult;
import org.allgo.accounts.entity.Role;

/**
 * Users of a test, each new: signed up and confirmed as a person does it, through the account
 * boundary and the link of the mail it sends.
 */
@Dependent
public class TestUsers {

  public static final String PASSWORD = "Correct-horse-7";

  /** The client address the tests sign in from (TEST-NET-1, documentation only). */
  public static final String ADDRESS = "192.0.2.10";

  @Inject AccountService accounts;

  /** A new active user; {@code label} says what for, in their address. */
  public TestUser active(String label) {
    String email = Mailbox.newAddress(label);
    accounts.signUp("Test " + label, email, PASSWORD);
    accounts.confirm(confirmationToken(email));
    return signIn(email);
  }

  /** A new active superuser. */
  public TestUser superuser(String label) {
    TestUser user = active(label);
    accounts.changeRole(user.id(), Role.SUPERUSER);
    return signIn(user.email());
  }

  /** The token of the confirmation link mailed to {@code email}. */
  public static String confirmationToken(String email) {
    String link = Mailbox.awaitLink(email, "confirmation_token=");
    return URLDecoder.decode(
        link.substring(link.indexOf("confirmation_token=") + "confirmation_token=".length()),
        StandardCharsets.UTF_8);
  }

  private TestUser signIn(String email) {
    LoginResult result = accounts.authenticate(email, PASSWORD, ADDRESS);
    if (!(result instanceof LoginResult.Success success)) {
      throw new IllegalStateException(email + " cannot sign in: " + result);
    }
    return new TestUser(success.caller(), PASSWORD);
  }
}
