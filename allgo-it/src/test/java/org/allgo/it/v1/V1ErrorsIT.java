package org.allgo.it.v1;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.allgo.it.Api;
import org.allgo.it.Server;
import org.junit.jupiter.api.Test;

/** The original API's answers to what goes wrong: JSON with a message, and its status codes. */
class V1ErrorsIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpResponse<String> submit(String authorization, String webapp, String param)
      throws Exception {
    String boundary = "b" + UUID.randomUUID();
    String body =
        field(boundary, "job[webapp_id]", webapp)
            + field(boundary, "job[param]", param)
            + "--"
            + boundary
            + "--\r\n";
    HttpRequest.Builder request =
        HttpRequest.newBuilder(Server.uri("/api/v1/jobs"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String field(String boundary, String name, String value) {
    return "--"
        + boundary
        + "\r\nContent-Disposition: form-data; name=\""
        + name
        + "\"\r\n\r\n"
        + value
        + "\r\n";
  }

  private static HttpResponse<String> get(String authorization, String path) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(Server.uri(path));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void withoutOrWithABadTokenItIs401() throws Exception {
    assertThat(submit(null, "sleep", "1").statusCode()).isEqualTo(401);
    HttpResponse<String> forged = submit("Token token=forged", "sleep", "1");
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(forged.body()).contains("\"error\"");
  }

  @Test
  void unknownWebappOrJobIs404() throws Exception {
    String token = "Token token=" + Api.asDevelopmentUser("guest@localhost").token();

    assertThat(submit(token, "no-such-webapp", "1").statusCode()).isEqualTo(404);
    assertThat(submit(token, "999999999", "1").statusCode()).isEqualTo(404);
    assertThat(get(token, "/api/v1/jobs/999999999").statusCode()).isEqualTo(404);
  }

  @Test
  void someoneElsesJobIs404AndInvalidParametersAre422() throws Exception {
    String devel = "Token token=" + Api.asDevelopmentUser("devel@localhost").token();
    String guest = "Token token=" + Api.asDevelopmentUser("guest@localhost").token();
    HttpResponse<String> created = submit(devel, "sleep", "0");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    String id = created.body().replaceAll(".*\"id\":(\\d+).*", "$1");

    assertThat(get(guest, "/api/v1/jobs/" + id).statusCode()).isEqualTo(404);
    HttpResponse<String> unbalanced = submit(devel, "sleep", "'unbalanced quote");
    assertThat(unbalanced.statusCode()).isEqualTo(422);
    assertThat(unbalanced.body()).contains("\"error\"");
    assertThat(get(devel, "/api/v1/jobs/" + id).headers().allValues("Access-Control-Allow-Origin"))
        .containsExactly("*");
  }
}
