package org.allgo.itc;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.allgo.accounts.boundary.AccountService;
import org.allgo.accounts.boundary.RegistrationService;
import org.allgo.accounts.boundary.UserAdministration;
import org.allgo.accounts.entity.LoginResult;
import org.allgo.accounts.entity.Role;

/**
 * Users of a test, each new: signed up and confirmed as a person does it, through the registration
 * boundary and the link of the mail it sends; superusers are then promoted by the development
 * data's administrator, as a superuser promotes another.
 */
@Dependent
public class TestUsers {

  public static final String PASSWORD = "Correct-horse-7";

  // The test server's development data (ALLGO_DEV_DATA): the superuser who promotes others.
  private static final String DEVELOPMENT_ADMIN = "admin@localhost";

  /** The client address the tests sign in from (TEST-NET-1, documentation only). */
  public static final String ADDRESS = "192.0.2.10";

  @Inject RegistrationService registration;

  @Inject AccountService accounts;

  @Inject UserAdministration administration;

  @Inject Callers callers;

  /** A new active user; {@code label} says what for, in their address. */
  public TestUser active(String label) {
    String email = Mailbox.newAddress(label);
    registration.signUp("Test " + label, email, PASSWORD);
    registration.confirm(confirmationToken(email));
    return signIn(email);
  }

  /** A new active superuser. */
  public TestUser superuser(String label) {
    TestUser user = active(label);
    callers.asCaller(
        signIn(DEVELOPMENT_ADMIN), () -> administration.changeRole(user.id(), Role.SUPERUSER));
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
    String password = email.equals(DEVELOPMENT_ADMIN) ? "allgo" : PASSWORD;
    LoginResult result = accounts.authenticate(email, password, ADDRESS);
    if (!(result instanceof LoginResult.Success success)) {
      throw new IllegalStateException(email + " cannot sign in: " + result);
    }
    return new TestUser(success.caller(), password);
  }
}
