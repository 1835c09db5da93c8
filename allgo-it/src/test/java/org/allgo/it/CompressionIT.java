package org.allgo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * What travels to a browser: pages and resources compressed with gzip when the client accepts it,
 * versioned resources (PrimeFaces', whose address names the release) cached for long.
 */
class CompressionIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private static final Pattern VERSIONED_SCRIPT =
      Pattern.compile("src=\"([^\"]*jakarta\\.faces\\.resource/[^\"]*\\.js[^\"]*v=[^\"]+)\"");

  @Test
  void pagesAndResourcesAreGzippedAndVersionedResourcesCachedForLong() throws Exception {
    HttpResponse<byte[]> page = gzipped("/");
    assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
    String html = gunzip(page.body());
    assertThat(html).contains("</html>");

    Matcher script = VERSIONED_SCRIPT.matcher(html);
    assertThat(script.find()).as("a versioned script in the catalog page").isTrue();
    String path = script.group(1).replace("&amp;", "&");
    HttpResponse<byte[]> resource = gzipped(path);
    assertThat(resource.statusCode()).isEqualTo(200);
    assertThat(resource.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(gunzip(resource.body())).isNotBlank();
    assertThat(resource.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000"));

    HttpResponse<byte[]> plain =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(Server.BASE_URL).resolve(path)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
  }

  private static HttpResponse<byte[]> gzipped(String path)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(Server.BASE_URL).resolve(path))
            .header("Accept-Encoding", "gzip")
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String gunzip(byte[] body) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
