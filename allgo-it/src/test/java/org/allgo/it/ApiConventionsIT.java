package org.allgo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.allgo.it.accounts.Users;
import org.junit.jupiter.api.Test;

/** What every API answer shares: CORS headers once, rate limits, the OpenAPI document. */
class ApiConventionsIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void corsHeaderIsSentExactlyOnce() throws Exception {
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(Server.uri("/api/v2/webapps"))
                .header("Origin", "https://notebook.example.org")
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().allValues("Access-Control-Allow-Origin")).containsExactly("*");
  }

  @Test
  void preflightAllowsTheTokenHeader() throws Exception {
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(Server.uri("/api/v2/webapps"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://notebook.example.org")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isLessThan(300);
    assertThat(answer.headers().allValues("Access-Control-Allow-Origin")).containsExactly("*");
    assertThat(answer.headers().firstValue("Access-Control-Allow-Headers"))
        .hasValueSatisfying(h -> assertThat(h).contains("Authorization"));
  }

  @Test
  void openApiDocumentDescribesTheApiAndHasABrowsablePage() throws Exception {
    HttpResponse<String> document = Server.get("/openapi");
    HttpResponse<String> page = Server.get("/api-docs/");

    assertThat(document.statusCode()).isEqualTo(200);
    assertThat(document.body()).contains("openapi: 3").contains("/api/v2/webapps");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("swagger-ui-bundle.js");
    assertThat(
            Server.get(
                    page.body()
                        .replaceAll("(?s).*src=\"\\.\\./([^\"]+swagger-ui-bundle\\.js)\".*", "/$1"))
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void aCallerOverItsLimitIsToldWhenToComeBack() throws Exception {
    long limit = Long.getLong("allgo.api.rate-limit", 1200);
    String email = Users.newAddress("ratelimit");
    Users.signUpConfirmed(email);
    Api caller = Api.as(Users.token(email, Users.PASSWORD));

    // The bucket refills while the test runs: go on until refused, within a bound.
    List<Api.Response> answers = new CopyOnWriteArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0;
          round < 8 && answers.stream().noneMatch(a -> a.status() == 429);
          round++) {
        List<Future<Api.Response>> calls = new ArrayList<>();
        for (long i = 0; i < limit / 2; i++) {
          calls.add(pool.submit(() -> caller.get("/api/v2/account")));
        }
        for (Future<Api.Response> call : calls) {
          answers.add(call.get());
        }
      }
    } finally {
      pool.shutdownNow();
    }

    List<Api.Response> refused = answers.stream().filter(a -> a.status() == 429).toList();
    assertThat(refused).isNotEmpty();
    assertThat(refused.get(0).json().getString("code")).isEqualTo("rate-limited");
    assertThat(refused.get(0).header("Retry-After"))
        .hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
    assertThat(answers.stream().filter(a -> a.status() == 200).count())
        .isGreaterThanOrEqualTo(limit);
    assertThat(Api.anonymous().get("/api/v2/webapps").status()).isEqualTo(200);
  }
}
