package org.allgo.connector.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpUpgradeTest {

  @Test
  void headIsReadUpToTheBlankLineAndNoFurther() throws IOException {
    InputStream in =
        new ByteArrayInputStream(
            "HTTP/1.1 101 UPGRADED\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n\u0001rest"
                .getBytes(StandardCharsets.ISO_8859_1));

    String head = HttpUpgrade.readHead(in);

    assertThat(HttpUpgrade.status(head)).isEqualTo(101);
    assertThat(head).endsWith("Upgrade: tcp\r\n\r\n");
    assertThat(in.read()).isEqualTo(1);
  }

  @Test
  void malformedAnswersAreErrors() {
    assertThrows(
        IOException.class,
        () ->
            HttpUpgrade.readHead(
                new ByteArrayInputStream("HTTP/1.1 200".getBytes(StandardCharsets.US_ASCII))));
    assertThrows(IOException.class, () -> HttpUpgrade.status("SSH-2.0-OpenSSH\r\n\r\n"));
    assertThrows(IOException.class, () -> HttpUpgrade.status("HTTP/1.1 abc Nope\r\n\r\n"));
  }
}
