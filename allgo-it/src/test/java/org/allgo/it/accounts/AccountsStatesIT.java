package org.allgo.it.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Account states and roles: unconfirmed and locked accounts, throttling, development users. */
class AccountsStatesIT {

  @Test
  void unconfirmedAccountsCannotGetATokenNorSignIn() {
    String email = Users.newAddress("unconfirmed");
    assertThat(Users.signUp("Name", email, Users.PASSWORD).statusCode()).isEqualTo(202);

    HttpResponse<String> token = Users.requestToken(email, Users.PASSWORD);

    assertThat(token.statusCode()).isEqualTo(403);
    assertThat(Browser.object(token).getString("code")).isEqualTo("account-unconfirmed");
  }

  @Test
  void aLockedAccountIsRefusedEverywhereUntilUnlocked() {
    String email = Users.newAddress("locked");
    long id = Users.signUpConfirmed(email);
    String userToken = Users.token(email, Users.PASSWORD);
    Browser browser = new Browser();
    assertThat(Users.signIn(browser, email, Users.PASSWORD).path()).isEqualTo("/");
    String admin = Users.token("admin@localhost", "allgo");

    HttpResponse<String> locked = state(admin, id, "LOCKED");

    assertThat(locked.statusCode()).as(locked.body()).isEqualTo(200);
    assertThat(Browser.object(locked).getString("state")).isEqualTo("LOCKED");
    assertThat(me(userToken).statusCode()).isEqualTo(401);
    assertThat(new Page(browser.get("/account")).path())
        .as("the session ends too")
        .isEqualTo("/users/sign_in");
    assertThat(Users.signIn(new Browser(), email, Users.PASSWORD).messages())
        .contains("This account is locked");
    HttpResponse<String> token = Users.requestToken(email, Users.PASSWORD);
    assertThat(Browser.object(token).getString("code")).isEqualTo("account-locked");

    assertThat(state(admin, id, "ACTIVE").statusCode()).isEqualTo(200);
    assertThat(me(userToken).statusCode()).isEqualTo(200);
  }

  @Test
  void onlySuperusersChangeStates() {
    String email = Users.newAddress("notadmin");
    long id = Users.signUpConfirmed(email);
    String token = Users.token(email, Users.PASSWORD);

    HttpResponse<String> response = state(token, id, "LOCKED");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(Browser.object(me(token)).getString("state")).isEqualTo("ACTIVE");
  }

  @Test
  void repeatedFailuresBlockSignInForAWhile() {
    String email = Users.newAddress("throttle");
    Users.signUpConfirmed(email);
    for (int i = 0; i < 5; i++) {
      assertThat(Users.requestToken(email, "Wrong-password-" + i).statusCode()).isEqualTo(401);
    }

    HttpResponse<String> blocked = Users.requestToken(email, Users.PASSWORD);
    Page page = Users.signIn(new Browser(), email, Users.PASSWORD);

    assertThat(blocked.statusCode()).isEqualTo(429);
    assertThat(Browser.object(blocked).getString("detail"))
        .contains("Too many failed sign-in attempts")
        .contains("30 seconds");
    assertThat(page.path()).isEqualTo("/users/sign_in");
    assertThat(page.messages()).contains("Too many failed sign-in attempts");
  }

  @Test
  void parallelFailuresAreCountedOneByOne() throws Exception {
    String email = Users.newAddress("parallel");
    Users.signUpConfirmed(email);
    ExecutorService pool = Executors.newFixedThreadPool(40);
    try {
      List<Future<Integer>> tries = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String password = "Wrong-password-" + i;
        tries.add(pool.submit(() -> Users.requestToken(email, password).statusCode()));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> attempt : tries) {
        statuses.add(attempt.get());
      }

      assertThat(statuses).filteredOn(s -> s == 401).as("passwords checked").hasSize(5);
      assertThat(statuses).filteredOn(s -> s == 429).as("refused unchecked").hasSize(35);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theDevelopmentUsersAreSeeded() {
    JsonObject admin = Browser.object(me(Users.token("admin@localhost", "allgo")));
    assertThat(admin.getString("role")).isEqualTo("SUPERUSER");
    assertThat(admin.getString("state")).isEqualTo("ACTIVE");
    for (String user : new String[] {"devel@localhost", "guest@localhost"}) {
      Page account = Users.signInToAccount(new Browser(), user, "allgo");
      assertThat(account.path()).as(account.messages()).isEqualTo("/account");
      assertThat(account.html()).contains(user + " · User · Active");
    }
  }

  private static HttpResponse<String> me(String token) {
    return new Browser().api("GET", "/api/v2/account", Browser.bearer(token), null, null);
  }

  private static HttpResponse<String> state(String token, long id, String state) {
    return new Browser()
        .json(
            "PUT",
            "/api/v2/admin/users/" + id + "/state",
            Browser.bearer(token),
            Json.createObjectBuilder().add("state", state).build());
  }
}
