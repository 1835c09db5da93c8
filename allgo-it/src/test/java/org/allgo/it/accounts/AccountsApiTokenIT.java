package org.allgo.it.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The API token: made on the account page or by the API, sent in both header forms. */
class AccountsApiTokenIT {

  private static final Pattern TOKEN_ON_PAGE =
      Pattern.compile("<code id=\"api-token\" class=\"token\">([A-Za-z0-9_-]+)</code>");

  @Test
  void theAccountPageMakesATokenThatBothHeaderFormsAccept() {
    String email = Users.newAddress("token");
    Users.signUpConfirmed(email);
    Browser browser = new Browser();
    Page account = Users.signInToAccount(browser, email, Users.PASSWORD);

    Page withToken = account.form("token").submit(browser);
    Matcher m = TOKEN_ON_PAGE.matcher(withToken.html());
    assertThat(m.find()).as(withToken.html()).isTrue();
    String token = m.group(1);

    for (String header :
        new String[] {"Bearer " + token, "Token token=" + token, "Token token=\"" + token + "\""}) {
      HttpResponse<String> me =
          new Browser().api("GET", "/api/v2/account", Optional.of(header), null, null);
      assertThat(me.statusCode()).as(header + ": " + me.body()).isEqualTo(200);
      JsonObject body = Browser.object(me);
      assertThat(body.getString("email")).isEqualTo(email);
      assertThat(body.getString("role")).isEqualTo("USER");
      assertThat(body.getString("state")).isEqualTo("ACTIVE");
      assertThat(body.containsKey("passwordHash")).isFalse();
    }
    assertThat(new Page(browser.get("/account")).html()).doesNotContain(token);
  }

  @Test
  void aRegeneratedTokenReplacesTheOldOneAtOnce() {
    String email = Users.newAddress("regen");
    Users.signUpConfirmed(email);
    String old = Users.token(email, Users.PASSWORD);
    Browser client = new Browser();

    HttpResponse<String> regenerated =
        client.api("POST", "/api/v2/account/token", Browser.bearer(old), null, null);

    assertThat(regenerated.statusCode()).as(regenerated.body()).isEqualTo(201);
    String fresh = Browser.object(regenerated).getString("token");
    assertThat(fresh).isNotEqualTo(old);
    HttpResponse<String> withOld =
        client.api("GET", "/api/v2/account", Browser.bearer(old), null, null);
    assertThat(withOld.statusCode()).isEqualTo(401);
    assertThat(Browser.object(withOld).getString("code")).isEqualTo("token-invalid");
    assertThat(
            client
                .api("GET", "/api/v2/account", Optional.of("Token token=" + fresh), null, null)
                .statusCode())
        .isEqualTo(200);
  }

  /**
   * The API's resources are shared by all requests and the services find the caller the request
   * authenticated: requests of two users in parallel each get their own account, never the other's.
   */
  @Test
  void parallelRequestsOfTwoUsersEachGetTheirOwnCaller() throws Exception {
    String first = Users.newAddress("parallel-a");
    String second = Users.newAddress("parallel-b");
    Users.signUpConfirmed(first);
    Users.signUpConfirmed(second);
    Map<String, String> tokens =
        Map.of(
            first, Users.token(first, Users.PASSWORD), second, Users.token(second, Users.PASSWORD));
    Map<String, Browser> clients = Map.of(first, new Browser(), second, new Browser());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> answers = new ArrayList<>();
      List<String> askedBy = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String email = i % 2 == 0 ? first : second;
        askedBy.add(email);
        answers.add(
            pool.submit(
                () -> {
                  HttpResponse<String> me =
                      clients
                          .get(email)
                          .api(
                              "GET",
                              "/api/v2/account",
                              Browser.bearer(tokens.get(email)),
                              null,
                              null);
                  assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
                  return Browser.object(me).getString("email");
                }));
      }
      for (int i = 0; i < answers.size(); i++) {
        assertThat(answers.get(i).get(1, TimeUnit.MINUTES))
            .as("request " + i)
            .isEqualTo(askedBy.get(i));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void missingForgedAndMalformedCredentialsAre401WithJson() {
    Browser client = new Browser();
    String[] headers = {
      null,
      "Bearer " + "A".repeat(43),
      "Bearer not-a-token",
      "Token token=",
      "Token " + "A".repeat(43),
      "Basic YWRtaW5AbG9jYWxob3N0OmFsbGdv",
      "Bearer ' OR '1'='1"
    };
    for (String header : headers) {
      HttpResponse<String> response =
          client.api("GET", "/api/v2/account", Optional.ofNullable(header), null, null);
      assertThat(response.statusCode()).as(String.valueOf(header)).isEqualTo(401);
      assertThat(response.headers().firstValue("Content-Type"))
          .get()
          .asString()
          .startsWith("application/problem+json");
      assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
      assertThat(Browser.object(response).getString("detail")).isNotBlank();
    }
  }

  @Test
  void theApiIgnoresTheSessionCookie() {
    String email = Users.newAddress("cookie");
    Users.signUpConfirmed(email);
    Browser browser = new Browser();
    Users.signIn(browser, email, Users.PASSWORD);

    HttpResponse<String> response =
        browser.api("GET", "/api/v2/account", Optional.empty(), null, null);

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void theProfileCanBeChangedOverTheApi() {
    String email = Users.newAddress("profile");
    Users.signUpConfirmed(email);
    String token = Users.token(email, Users.PASSWORD);

    HttpResponse<String> updated =
        new Browser()
            .api(
                "PUT",
                "/api/v2/account",
                Browser.bearer(token),
                "application/json",
                "{\"name\":\"Grace Hopper\",\"notifyJobFinished\":false}");
    HttpResponse<String> tooLong =
        new Browser()
            .api(
                "PUT",
                "/api/v2/account",
                Browser.bearer(token),
                "application/json",
                "{\"name\":\"" + "x".repeat(101) + "\"}");

    assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
    assertThat(Browser.object(updated).getString("name")).isEqualTo("Grace Hopper");
    assertThat(Browser.object(updated).getBoolean("notifyJobFinished")).isFalse();
    assertThat(tooLong.statusCode()).isEqualTo(400);
    JsonObject after =
        Browser.object(
            new Browser().api("GET", "/api/v2/account", Browser.bearer(token), null, null));
    assertThat(after.getString("name")).isEqualTo("Grace Hopper");
  }
}
