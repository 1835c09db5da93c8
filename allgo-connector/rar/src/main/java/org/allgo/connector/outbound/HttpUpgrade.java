package org.allgo.connector.outbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import org.allgo.connector.adapter.Failures;

/**
 * Starts an exec over a raw socket: {@code POST /exec/{id}/start} with {@code Upgrade: tcp}. After
 * the engine's answer the socket carries the process's streams, and the caller owns it — which is
 * what lets it half-close stdin, something docker-java cannot do on a unix socket.
 */
final class HttpUpgrade {

  private static final int MAX_HEAD = 16 * 1024;

  private HttpUpgrade() {}

  /**
   * Sends the start request and consumes the response head; the channel then carries the streams.
   */
  static void startExec(SocketChannel channel, String execId, boolean tty) throws IOException {
    byte[] body = ("{\"Detach\":false,\"Tty\":" + tty + "}").getBytes(StandardCharsets.US_ASCII);
    String head =
        "POST /exec/"
            + execId
            + "/start HTTP/1.1\r\n"
            + "Host: docker\r\n"
            + "Content-Type: application/json\r\n"
            + "Connection: Upgrade\r\n"
            + "Upgrade: tcp\r\n"
            + "Content-Length: "
            + body.length
            + "\r\n\r\n";
    var out = ChannelStreams.out(channel);
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    InputStream in = ChannelStreams.in(channel);
    String response = readHead(in);
    int status = status(response);
    if (status != 101 && status != 200) {
      String message = new String(in.readNBytes(MAX_HEAD), StandardCharsets.UTF_8);
      throw Failures.ofStatus(
          status, "Cannot start exec " + execId, Failures.engineMessage(message), null);
    }
  }

  /** The status code of an HTTP response head. */
  static int status(String head) throws IOException {
    String[] parts = head.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new IOException("Not an HTTP response: " + head.lines().findFirst().orElse(""));
    }
    try {
      return Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IOException("Not an HTTP status: " + parts[1], e);
    }
  }

  /**
   * Reads up to and including the blank line, byte by byte so that nothing after it is consumed.
   */
  static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("The engine closed the connection before answering");
      }
      head.write(b);
      if (head.size() > MAX_HEAD) {
        throw new IOException("Response head too long");
      }
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }
}
