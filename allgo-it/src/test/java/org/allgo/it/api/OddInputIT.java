package org.allgo.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.allgo.it.Api;
import org.allgo.it.Server;
import org.allgo.it.jobs.Jobs;
import org.allgo.it.jobs.Multipart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Input no ordinary client sends: each is refused with a 4xx that says what is wrong (never a 500),
 * or, where the original platform took it, taken.
 */
class OddInputIT {

  private Api devel;

  @BeforeEach
  void signIn() {
    devel = Api.asDevelopmentUser("devel@localhost");
  }

  @Test
  void aRangeBeyondEveryNumberIsNotSatisfiable() {
    long id = Jobs.run(devel, "sleep", "0", null);
    Jobs.awaitEnd(devel, id, Duration.ofSeconds(60));

    HttpResponse<byte[]> beyond =
        devel.fetch("/datastore/" + id + "/allgo.log", "Range", "bytes=99999999999999999999-");
    HttpResponse<byte[]> suffix =
        devel.fetch("/datastore/" + id + "/allgo.log", "Range", "bytes=-99999999999999999999");

    assertThat(beyond.statusCode()).isEqualTo(416);
    assertThat(suffix.statusCode()).isEqualTo(206);
    assertThat(new String(suffix.body(), StandardCharsets.UTF_8)).contains("exit code: 0");
  }

  @Test
  void aMultipartPartWithoutContentDispositionIsABadRequest() {
    String boundary = "odd-" + UUID.randomUUID();
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"webapp\"\r\n\r\nsleep\r\n--"
            + boundary
            + "\r\nContent-Type: text/plain\r\n\r\nno disposition\r\n--"
            + boundary
            + "--\r\n";

    Api.Response response =
        devel.post(
            "/api/v2/jobs",
            "multipart/form-data; boundary=" + boundary,
            HttpRequest.BodyPublishers.ofString(body));

    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().getString("code")).isEqualTo("invalid-part");
  }

  @Test
  void aJsonBodyOverItsLimitIsRefusedBeforeItIsRead() throws IOException {
    // 30 MiB announced, 64 KiB sent: the answer comes without the rest.
    String declared =
        exchange(
            "Content-Length: " + (30 << 20) + "\r\n",
            out -> out.write(("{" + " ".repeat(64 * 1024)).getBytes(StandardCharsets.US_ASCII)));
    // Sent without a length, in chunks: refused once past the limit, before its end.
    String chunked =
        exchange(
            "Transfer-Encoding: chunked\r\n",
            out -> {
              byte[] chunk = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
              for (int i = 0; i < 24; i++) {
                out.write(
                    (Integer.toHexString(chunk.length) + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
              }
              out.flush();
            });

    assertThat(declared).startsWith("HTTP/1.1 413").contains("body-too-large");
    assertThat(chunked).startsWith("HTTP/1.1 413").contains("body-too-large");
  }

  /** What the server answers a POST to /api/v2/users with these headers and body. */
  private static String exchange(String headers, IoConsumer<OutputStream> body) throws IOException {
    URI uri = URI.create(Server.BASE_URL);
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/v2/users HTTP/1.1\r\nHost: "
                  + uri.getHost()
                  + "\r\nContent-Type: application/json\r\nConnection: close\r\n"
                  + headers
                  + "\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      body.accept(out);
      out.flush();
      // The server may keep the connection for the rest of the body: read up to the JSON's end.
      InputStream in = socket.getInputStream();
      StringBuilder answer = new StringBuilder();
      byte[] buffer = new byte[4096];
      int n;
      while (!(answer.indexOf("\r\n\r\n") > 0 && answer.toString().strip().endsWith("}"))
          && (n = in.read(buffer)) > 0) {
        answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
      }
      return answer.toString();
    }
  }

  private interface IoConsumer<T> {
    void accept(T value) throws IOException;
  }

  @Test
  void theOriginalApiTakesAUrlEncodedSubmission() {
    String form =
        "job%5Bwebapp_id%5D=sleep&job%5Bparam%5D=" + URLEncoder.encode("0", StandardCharsets.UTF_8);

    Api.Response response =
        devel.post(
            "/api/v1/jobs",
            "application/x-www-form-urlencoded",
            HttpRequest.BodyPublishers.ofString(form));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    long id = response.json().getJsonNumber("id").longValue();
    assertThat(Jobs.awaitEnd(devel, id, Duration.ofSeconds(60)).getString("result"))
        .isEqualTo("SUCCESS");
  }

  @Test
  void aFileNameSentAsUtf8KeepsItsLetters() {
    Multipart form =
        new Multipart()
            .field("webapp", "sleep")
            .field("param", "0")
            .file("files", "café.txt", "x".getBytes(StandardCharsets.UTF_8));

    Api.Response created = Jobs.submit(devel, form);

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = created.json().getJsonNumber("id").longValue();
    Jobs.awaitEnd(devel, id, Duration.ofSeconds(60));
    assertThat(devel.get("/api/v2/jobs/" + id + "/files").body())
        .contains("\"café.txt\"")
        .doesNotContain("Ã");
    HttpResponse<byte[]> download =
        devel.fetch(
            "/datastore/" + id + "/" + URLEncoder.encode("café.txt", StandardCharsets.UTF_8));
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo("x".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aFileNameThatWouldShowReorderedIsRefused() {
    Multipart form =
        new Multipart()
            .field("webapp", "sleep")
            .field("param", "0")
            .file("files", "invoice\u202Efdp.exe", "x".getBytes(StandardCharsets.UTF_8));

    Api.Response refused = Jobs.submit(devel, form);

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    JsonObject problem = refused.json();
    assertThat(problem.getString("code")).isEqualTo("invalid-file-name");
    assertThat(problem.getString("detail")).doesNotContain("\u202E");
  }
}
