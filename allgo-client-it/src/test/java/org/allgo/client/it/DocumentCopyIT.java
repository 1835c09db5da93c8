package org.allgo.client.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The client is made from a copy of the OpenAPI document, kept in {@code src/main/openapi} so that
 * the build needs no server: this test fails when the server serves another document, and leaves
 * the served one (without its {@code servers}, which name the server's own address) in {@code
 * target/served-openapi.json} to copy over the old one.
 */
class DocumentCopyIT {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Test
  void theClientIsMadeFromTheDocumentTheServerServes() throws IOException, InterruptedException {
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(Settings.baseUrl() + "/openapi"))
                    .header("Accept", "application/json")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    ObjectNode served = (ObjectNode) JSON.readTree(answer.body());
    served.remove("servers");
    Path copy = Path.of(System.getProperty("allgo.client.document"));
    JsonNode kept = JSON.readTree(copy.toFile());
    if (!served.equals(kept)) {
      Path target = Path.of(System.getProperty("allgo.client.served"));
      Files.writeString(target, JSON.writeValueAsString(served) + "\n");
      assertThat(served)
          .as("the document the server serves; it is in %s, to copy to %s", target, copy)
          .isEqualTo(kept);
    }
  }
}
