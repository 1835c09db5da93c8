package org.allgo.it.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Forgotten password by mail, password change, e-mail change confirmed by mail. */
class AccountsPasswordIT {

  private static final String NEW_PASSWORD = "Another-secret-42";

  @Test
  void resetThePasswordThroughTheMailedLink() {
    String email = Users.newAddress("reset");
    Users.signUpConfirmed(email);
    Browser signedIn = new Browser();
    assertThat(Users.signIn(signedIn, email, Users.PASSWORD).path()).isEqualTo("/");
    Browser browser = new Browser();

    Page asked =
        new Page(browser.get("/users/password/new"))
            .form("forgot")
            .set("email", email)
            .submit(browser);
    assertThat(asked.messages()).contains("If an account has this address");

    Mailbox.Mail mail = Mailbox.await(email, Users.RESET_SUBJECT, 1);
    assertThat(mail.html()).contains("/users/password/edit?reset_password_token=");
    Page edit = new Page(browser.get(mail.link("/users/password/edit?reset_password_token=")));

    Page weak =
        edit.form("reset").set("password", "weak").set("passwordAgain", "weak").submit(browser);
    assertThat(weak.messages()).contains("too short");

    Page done =
        weak.form("reset")
            .set("password", NEW_PASSWORD)
            .set("passwordAgain", NEW_PASSWORD)
            .submit(browser);
    assertThat(done.messages()).contains("Your password is changed");
    assertThat(new Page(signedIn.get("/account")).path())
        .as("a session signed in before the reset ends")
        .isEqualTo("/users/sign_in");

    assertThat(Users.signIn(new Browser(), email, Users.PASSWORD).messages())
        .contains("Wrong e-mail address or password");
    assertThat(Users.signIn(new Browser(), email, NEW_PASSWORD).path()).isEqualTo("/");

    Page reused = new Page(browser.get(mail.link("/users/password/edit")));
    assertThat(reused.messages()).contains("already been used");
    assertThat(reused.hasForm("reset")).isFalse();
  }

  @Test
  void forgotPasswordAnswersTheSameForUnknownAddresses() {
    String known = Users.newAddress("known");
    Users.signUpConfirmed(known);
    String unknown = Users.newAddress("unknown");

    Page forKnown = forgot(known);
    Page forUnknown = forgot(unknown);
    HttpResponse<String> apiKnown = resetOverApi(known);
    HttpResponse<String> apiUnknown = resetOverApi(unknown);

    assertThat(forUnknown.messages()).isEqualTo(forKnown.messages()).isNotBlank();
    assertThat(apiUnknown.statusCode()).isEqualTo(apiKnown.statusCode()).isEqualTo(202);
    assertThat(apiUnknown.body()).isEqualTo(apiKnown.body());
    Mailbox.await(known, Users.RESET_SUBJECT, 2);
  }

  @Test
  void aNewerResetLinkReplacesTheOlderAndForgedOnesAreRefused() {
    String email = Users.newAddress("older");
    Users.signUpConfirmed(email);
    resetOverApi(email);
    String first = token(Mailbox.await(email, Users.RESET_SUBJECT, 1));
    resetOverApi(email);
    String second = token(Mailbox.await(email, Users.RESET_SUBJECT, 2));

    HttpResponse<String> withFirst = setPassword(first, NEW_PASSWORD);
    HttpResponse<String> forged = setPassword("A".repeat(43), NEW_PASSWORD);
    HttpResponse<String> weak = setPassword(second, "aaaaaaaaaaaaaa");
    HttpResponse<String> withSecond = setPassword(second, NEW_PASSWORD);
    HttpResponse<String> again = setPassword(second, NEW_PASSWORD + "x");

    assertThat(Browser.object(withFirst).getString("code")).isEqualTo("link-used");
    assertThat(Browser.object(forged).getString("code")).isEqualTo("link-invalid");
    assertThat(Browser.object(weak).getString("code")).isEqualTo("weak-password");
    assertThat(withSecond.statusCode()).as(withSecond.body()).isEqualTo(204);
    assertThat(again.statusCode()).isEqualTo(410);
    assertThat(Users.requestToken(email, NEW_PASSWORD).statusCode()).isEqualTo(201);
  }

  @Test
  void changeThePasswordOnTheAccountPage() {
    String email = Users.newAddress("change");
    Users.signUpConfirmed(email);
    String oldToken = Users.token(email, Users.PASSWORD);
    Browser elsewhere = new Browser();
    assertThat(Users.signIn(elsewhere, email, Users.PASSWORD).path()).isEqualTo("/");
    Browser browser = new Browser();
    Page account = Users.signInToAccount(browser, email, Users.PASSWORD);

    Page wrongCurrent =
        account
            .form("password")
            .set("currentPassword", "Wrong-password-1")
            .set("newPassword", NEW_PASSWORD)
            .set("newPasswordAgain", NEW_PASSWORD)
            .submit(browser);
    assertThat(wrongCurrent.messages()).contains("current password is not correct");

    Page changed =
        wrongCurrent
            .form("password")
            .set("currentPassword", Users.PASSWORD)
            .set("newPassword", NEW_PASSWORD)
            .set("newPasswordAgain", NEW_PASSWORD)
            .submit(browser);
    assertThat(changed.messages()).contains("Your password is changed");
    assertThat(new Page(browser.get("/account")).path())
        .as("the session that changed it goes on")
        .isEqualTo("/account");
    assertThat(new Page(elsewhere.get("/account")).path())
        .as("another session ends")
        .isEqualTo("/users/sign_in");
    assertThat(
            new Browser()
                .api("GET", "/api/v2/account", Browser.bearer(oldToken), null, null)
                .statusCode())
        .as("the API token is revoked")
        .isEqualTo(401);
    assertThat(Users.requestToken(email, Users.PASSWORD).statusCode()).isEqualTo(401);
    assertThat(Users.requestToken(email, NEW_PASSWORD).statusCode()).isEqualTo(201);
  }

  @Test
  void changeTheEmailAddressConfirmedByMail() {
    String email = Users.newAddress("before");
    String newEmail = Users.newAddress("after");
    Users.signUpConfirmed(email);
    Browser browser = new Browser();
    Page account = Users.signInToAccount(browser, email, Users.PASSWORD);

    Page invalid =
        account
            .form("email")
            .set("newEmail", "not an address")
            .set("currentPassword", Users.PASSWORD)
            .submit(browser);
    assertThat(invalid.messages()).contains("not a valid e-mail address");
    Page asked =
        invalid
            .form("email")
            .set("newEmail", newEmail)
            .set("currentPassword", Users.PASSWORD)
            .submit(browser);
    assertThat(asked.messages()).contains("confirmation mail is on its way to " + newEmail);
    assertThat(Users.requestToken(email, Users.PASSWORD).statusCode())
        .as("the address changes only when confirmed")
        .isEqualTo(201);

    Page confirmed = Users.followConfirmation(newEmail, 1);

    assertThat(confirmed.messages()).contains(newEmail + " is confirmed");
    assertThat(new Page(browser.get("/account")).html()).contains(newEmail + " · User");
    assertThat(Users.requestToken(email, Users.PASSWORD).statusCode()).isEqualTo(401);
    assertThat(Users.requestToken(newEmail, Users.PASSWORD).statusCode()).isEqualTo(201);
  }

  private static Page forgot(String email) {
    Browser browser = new Browser();
    return new Page(browser.get("/users/password/new"))
        .form("forgot")
        .set("email", email)
        .submit(browser);
  }

  private static HttpResponse<String> resetOverApi(String email) {
    return new Browser()
        .json(
            "POST",
            "/api/v2/users/password-reset",
            Optional.empty(),
            Json.createObjectBuilder().add("email", email).build());
  }

  private static HttpResponse<String> setPassword(String token, String password) {
    return new Browser()
        .json(
            "POST",
            "/api/v2/users/password",
            Optional.empty(),
            Json.createObjectBuilder().add("token", token).add("password", password).build());
  }

  private static String token(Mailbox.Mail mail) {
    String link = mail.link("reset_password_token=");
    return link.substring(link.indexOf('=') + 1);
  }
}
