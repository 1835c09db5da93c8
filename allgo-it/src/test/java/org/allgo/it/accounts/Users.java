package org.allgo.it.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.UUID;

/** Makes the users a test needs, each with an address of its own, through the real flows. */
public final class Users {

  public static final String PASSWORD = "Correct-horse-7";
  public static final String CONFIRMATION_SUBJECT = "Confirm your e-mail address";
  public static final String RESET_SUBJECT = "Choose a new allgo password";

  private Users() {}

  /** A fresh address that the mail sink accepts. */
  public static String newAddress(String label) {
    return "sink+" + label + "-" + UUID.randomUUID().toString().substring(0, 8) + "@localhost";
  }

  static HttpResponse<String> signUp(String name, String email, String password) {
    return new Browser()
        .json(
            "POST",
            "/api/v2/users",
            Optional.empty(),
            Json.createObjectBuilder()
                .add("name", name)
                .add("email", email)
                .add("password", password)
                .build());
  }

  /** Signs up over the API and follows the link of the confirmation mail. Returns the user id. */
  public static long signUpConfirmed(String email) {
    HttpResponse<String> response = signUp("Test User", email, PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    Page confirmed = followConfirmation(email, 1);
    assertThat(confirmed.messages()).contains("is confirmed");
    HttpResponse<String> account =
        new Browser()
            .api("GET", "/api/v2/account", Browser.bearer(token(email, PASSWORD)), null, null);
    return Browser.object(account).getJsonNumber("id").longValue();
  }

  static Page followConfirmation(String email, int nth) {
    String link = Mailbox.await(email, CONFIRMATION_SUBJECT, nth).link("/users/confirmation");
    return new Page(new Browser().get(link));
  }

  /** Signs in through the form of {@code /users/sign_in}. */
  static Page signIn(Browser browser, String email, String password) {
    return new Page(browser.get("/users/sign_in"))
        .form("signin")
        .set("email", email)
        .set("password", password)
        .submit(browser);
  }

  /**
   * Signs in through the form that {@code /account} leads to when signed out: back on the account
   * page.
   */
  static Page signInToAccount(Browser browser, String email, String password) {
    return new Page(browser.get("/account"))
        .form("signin")
        .set("email", email)
        .set("password", password)
        .submit(browser);
  }

  static HttpResponse<String> requestToken(String email, String password) {
    return new Browser()
        .json(
            "POST",
            "/api/v2/tokens",
            Optional.empty(),
            Json.createObjectBuilder().add("email", email).add("password", password).build());
  }

  /** A new API token for the user, from e-mail and password. */
  public static String token(String email, String password) {
    HttpResponse<String> response = requestToken(email, password);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return Browser.object(response).getString("token");
  }
}
