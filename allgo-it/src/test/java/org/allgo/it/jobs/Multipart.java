package org.allgo.it.jobs;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** A multipart/form-data body, as a browser or the original clients send it. */
public final class Multipart {

  private final String boundary = "allgo-it-" + UUID.randomUUID();
  private final List<HttpRequest.BodyPublisher> parts = new ArrayList<>();

  public Multipart field(String name, String value) {
    parts.add(bytes(head(name, null) + value + "\r\n"));
    return this;
  }

  public Multipart file(String name, String fileName, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head(name, fileName).getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    parts.add(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
    return this;
  }

  /** A file streamed from {@code content}, so that the body has no length known in advance. */
  public Multipart stream(String name, String fileName, Supplier<InputStream> content) {
    parts.add(bytes(head(name, fileName)));
    parts.add(HttpRequest.BodyPublishers.ofInputStream(content));
    parts.add(bytes("\r\n"));
    return this;
  }

  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  public HttpRequest.BodyPublisher body() {
    List<HttpRequest.BodyPublisher> all = new ArrayList<>(parts);
    all.add(bytes("--" + boundary + "--\r\n"));
    return HttpRequest.BodyPublishers.concat(all.toArray(HttpRequest.BodyPublisher[]::new));
  }

  private String head(String name, String fileName) {
    return "--"
        + boundary
        + "\r\nContent-Disposition: form-data; name=\""
        + name
        + "\""
        + (fileName == null
            ? ""
            : "; filename=\"" + fileName.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
        + (fileName == null ? "" : "\r\nContent-Type: application/octet-stream")
        + "\r\n\r\n";
  }

  private static HttpRequest.BodyPublisher bytes(String text) {
    return HttpRequest.BodyPublishers.ofByteArray(text.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code count} zero bytes, made as they are read. */
  public static InputStream zeros(long count) {
    return new InputStream() {
      private long left = count;

      @Override
      public int read() {
        return left-- > 0 ? 0 : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left <= 0) {
          return -1;
        }
        int n = (int) Math.min(len, left);
        java.util.Arrays.fill(b, off, off + n, (byte) 0);
        left -= n;
        return n;
      }
    };
  }
}
