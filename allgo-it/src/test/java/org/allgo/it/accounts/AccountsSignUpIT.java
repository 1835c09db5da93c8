package org.allgo.it.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Sign-up, confirmation by mail, sign-in and sign-out, through the pages. */
class AccountsSignUpIT {

  @Test
  void signUpConfirmByMailThenSignInAndOut() {
    String email = Users.newAddress("signup");
    Browser browser = new Browser();

    Page signedUp =
        new Page(browser.get("/users/sign_up"))
            .form("signup")
            .set("name", "Ada Lovelace")
            .set("email", email)
            .set("password", Users.PASSWORD)
            .set("passwordAgain", Users.PASSWORD)
            .submit(browser);
    assertThat(signedUp.messages()).contains("confirmation link").contains(email);

    Page early = Users.signIn(browser, email, Users.PASSWORD);
    assertThat(early.messages()).contains("confirm your e-mail address first");
    assertThat(early.path()).isEqualTo("/users/sign_in");

    Mailbox.Mail mail = Mailbox.await(email, Users.CONFIRMATION_SUBJECT, 1);
    assertThat(mail.text()).contains("Hello Ada Lovelace");
    assertThat(mail.html()).contains("<a href=\"" + Browser.BASE_URL + "/users/confirmation?");
    String link = mail.link("/users/confirmation?confirmation_token=");
    assertThat(new Page(browser.get(link)).messages()).contains(email + " is confirmed");

    Page home = Users.signIn(browser, email, Users.PASSWORD);
    assertThat(home.path()).as("signed in from the sign-in page: the catalog").isEqualTo("/");
    Page account = new Page(browser.get("/account"));
    assertThat(account.path()).isEqualTo("/account");
    assertThat(account.html()).contains(email + " · User · Active");

    Page signedOut = account.form("signout").submit(browser);
    assertThat(signedOut.path()).isEqualTo("/");
    assertThat(new Page(browser.get("/account")).path()).isEqualTo("/users/sign_in");
  }

  @Test
  void theConfirmationMailIsSentAgainFiveTimesAnHourAtMost() {
    String email = Users.newAddress("resend-cap");
    assertThat(Users.signUp("Test User", email, Users.PASSWORD).statusCode()).isEqualTo(202);

    for (int i = 0; i < 5; i++) {
      HttpResponse<String> again =
          new Browser()
              .json(
                  "POST",
                  "/api/v2/users/confirmation",
                  Optional.empty(),
                  Json.createObjectBuilder().add("email", email).build());
      assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
    }

    // Five links went out, the sign-up's and four more: each ended the ones before, so exactly one
    // of them works. A sixth would have ended all five.
    long working =
        IntStream.rangeClosed(1, 5)
            .mapToObj(n -> Mailbox.await(email, Users.CONFIRMATION_SUBJECT, n))
            .map(mail -> mail.link("/users/confirmation?confirmation_token="))
            .filter(link -> new Page(new Browser().get(link)).messages().contains("is confirmed"))
            .count();
    assertThat(working).isEqualTo(1);
  }

  @Test
  void aConfirmationLinkWorksOnce() {
    String email = Users.newAddress("once");
    Users.signUpConfirmed(email);

    Page again = Users.followConfirmation(email, 1);

    assertThat(again.messages()).contains("already been used");
  }

  @Test
  void forgedOrTruncatedConfirmationLinksAreRefused() {
    Browser browser = new Browser();
    for (String token :
        new String[] {"", "abc", "x".repeat(43), "'%20OR%201=1--", "y".repeat(500)}) {
      Page page = new Page(browser.get("/users/confirmation?confirmation_token=" + token));
      assertThat(page.response.statusCode()).isEqualTo(200);
      assertThat(page.messages()).as(token).containsAnyOf("not valid", "not complete");
      // No stack trace (the page's scripts name the ViewExpiredException error page: that is fine).
      assertThat(page.html()).doesNotContain("Exception:").doesNotContain("\tat ");
    }
  }

  @Test
  void theSignInPageSessionIdChangesAtSignIn() {
    String email = Users.newAddress("session");
    Users.signUpConfirmed(email);
    Browser browser = new Browser();
    Page signIn = new Page(browser.get("/users/sign_in"));
    String before = Browser.sessionCookie(signIn.response);

    Page home =
        signIn.form("signin").set("email", email).set("password", Users.PASSWORD).submit(browser);

    assertThat(home.path()).isEqualTo("/");
    assertThat(before).isNotEmpty();
    assertThat(home.response.previousResponse().map(Browser::sessionCookie))
        .hasValueSatisfying(after -> assertThat(after).isNotEmpty().isNotEqualTo(before));
  }

  @Test
  void signInGoesBackToThePageAskedFor() {
    String email = Users.newAddress("next");
    Users.signUpConfirmed(email);
    Browser browser = new Browser();

    Page signIn = new Page(browser.get("/account"));
    assertThat(signIn.path()).isEqualTo("/users/sign_in");
    Page back =
        signIn.form("signin").set("email", email).set("password", Users.PASSWORD).submit(browser);

    assertThat(back.path()).isEqualTo("/account");
  }

  @Test
  void wrongPasswordsAndUnknownAddressesGetTheSameAnswer() {
    String email = Users.newAddress("wrong");
    Users.signUpConfirmed(email);

    Page wrong = Users.signIn(new Browser(), email, "Not-the-password-1");
    Page unknown = Users.signIn(new Browser(), Users.newAddress("nobody"), "Not-the-password-1");

    assertThat(wrong.messages()).isEqualTo("Wrong e-mail address or password.");
    assertThat(unknown.messages()).isEqualTo(wrong.messages());
  }

  @Test
  void signUpRefusesBadInputAndCreatesNothing() {
    String email = Users.newAddress("bad");
    String[][] cases = {
      {"Name", "not-an-address", Users.PASSWORD, "email-invalid"},
      {"Name", "a@" + "b".repeat(250) + ".org", Users.PASSWORD, "email-too-long"},
      {"N".repeat(101), email, Users.PASSWORD, "name-too-long"},
      {"", email, Users.PASSWORD, "name-missing"},
      {"Name", email, "Short-1", "weak-password"},
      {"Name", email, "onlylowercaseletters", "weak-password"},
      {"Name", email, email, "weak-password"},
      {"Name", email, "aB3".repeat(50), "password-too-long"},
    };
    for (String[] c : cases) {
      HttpResponse<String> response = Users.signUp(c[0], c[1], c[2]);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type"))
          .get()
          .asString()
          .startsWith("application/problem+json");
      JsonObject problem = Browser.object(response);
      assertThat(problem.getString("code")).as(response.body()).isEqualTo(c[3]);
      assertThat(problem.getString("detail")).isNotBlank();
      assertThat(problem.getInt("status")).isEqualTo(400);
    }
    // Nothing was made: the address is still free, and its first sign-up gets the confirmation.
    assertThat(Users.signUp("Name", email, Users.PASSWORD).statusCode()).isEqualTo(202);
    Mailbox.await(email, Users.CONFIRMATION_SUBJECT, 1);
  }

  @Test
  void aSignUpWithATakenAddressAnswersAsAnyOtherAndTellsTheOwnerByMail() {
    String taken = Users.newAddress("taken");
    Users.signUpConfirmed(taken);
    String free = Users.newAddress("free");

    HttpResponse<String> again = Users.signUp("Someone", taken, "Another-horse-8");
    HttpResponse<String> fresh = Users.signUp("Someone", free, "Another-horse-8");

    assertThat(again.statusCode()).isEqualTo(fresh.statusCode()).isEqualTo(202);
    assertThat(again.body()).isEqualTo(fresh.body());
    Mailbox.Mail told = Mailbox.await(taken, "Your allgo account", 1);
    assertThat(told.text()).contains("already has one").contains("/users/password/new");
    assertThat(Users.signIn(new Browser(), taken, Users.PASSWORD).path())
        .as("the account is as it was")
        .isEqualTo("/");
  }

  @Test
  void theSignUpPageShowsRefusalsReadably() {
    Browser browser = new Browser();

    Page page =
        new Page(browser.get("/users/sign_up"))
            .form("signup")
            .set("name", "Name")
            .set("email", Users.newAddress("page"))
            .set("password", "short")
            .set("passwordAgain", "short")
            .submit(browser);

    assertThat(page.response.statusCode()).isEqualTo(200);
    assertThat(page.html())
        .contains("too short")
        .contains("id=\"signup:passwordMessage\"")
        .contains("aria-describedby=\"signup:passwordMessage\"")
        .contains("aria-invalid=\"true\"");
    assertThat(page.hasForm("signup")).isTrue();
  }

  @Test
  void malformedApiRequestsGetProblemDetails() {
    Browser browser = new Browser();

    HttpResponse<String> notJson =
        browser.api("POST", "/api/v2/users", Optional.empty(), "application/json", "{not json");
    HttpResponse<String> missing =
        browser.api("GET", "/api/v2/nothing-here", Optional.empty(), null, null);

    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(Browser.object(notJson).getString("code")).isEqualTo("json-invalid");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(Browser.object(missing).getInt("status")).isEqualTo(404);
  }
}
