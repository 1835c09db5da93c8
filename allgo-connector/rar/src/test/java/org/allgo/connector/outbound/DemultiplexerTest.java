package org.allgo.connector.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.allgo.connector.api.LogChunk;
import org.junit.jupiter.api.Test;

class DemultiplexerTest {

  @Test
  void framesAreReadInOrderWithTheirStream() throws IOException {
    FrameReader reader = new FrameReader(stream(frame(1, "out"), frame(2, "err"), frame(0, "")));

    assertThat(reader.next()).contains(new LogChunk(LogChunk.Stream.STDOUT, bytes("out")));
    assertThat(reader.next()).contains(new LogChunk(LogChunk.Stream.STDERR, bytes("err")));
    assertThat(reader.next()).contains(new LogChunk(LogChunk.Stream.STDOUT, new byte[0]));
    assertThat(reader.next()).isEmpty();
  }

  @Test
  void truncatedAndForeignStreamsAreErrors() {
    byte[] frame = frame(1, "hello");
    byte[] cut = java.util.Arrays.copyOf(frame, frame.length - 2);
    assertThrows(EOFException.class, () -> new FrameReader(new ByteArrayInputStream(cut)).next());
    assertThrows(
        EOFException.class,
        () -> new FrameReader(new ByteArrayInputStream(new byte[] {1, 0, 0})).next());
    assertThrows(
        IOException.class, () -> new FrameReader(stream(bytes("HTTP/1.1 200 OK\r\n"))).next());
  }

  @Test
  void eachStreamGetsItsOwnBytesWhicheverIsReadFirst() throws IOException {
    Demultiplexer demultiplexer =
        new Demultiplexer(stream(frame(2, "e1 "), frame(1, "o1 "), frame(2, "e2"), frame(1, "o2")));

    assertThat(readAll(demultiplexer.stdout())).isEqualTo("o1 o2");
    assertThat(readAll(demultiplexer.stderr())).isEqualTo("e1 e2");
  }

  @Test
  void twoReadersInTwoThreads() throws Exception {
    byte[][] frames = new byte[400][];
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    for (int i = 0; i < frames.length; i++) {
      String text = i + ",";
      frames[i] = frame(i % 3 == 0 ? 2 : 1, text);
      (i % 3 == 0 ? err : out).append(text);
    }
    Demultiplexer demultiplexer = new Demultiplexer(stream(frames));

    CompletableFuture<String> stderr =
        CompletableFuture.supplyAsync(() -> readUnchecked(demultiplexer.stderr()));
    String stdout = readAll(demultiplexer.stdout());

    assertThat(stdout).isEqualTo(out.toString());
    assertThat(stderr.get()).isEqualTo(err.toString());
  }

  @Test
  void readErrorsReachBothStreams() {
    Demultiplexer demultiplexer =
        new Demultiplexer(new ByteArrayInputStream(new byte[] {7, 0, 0, 0, 0, 0, 0, 1, 0}));
    assertThrows(IOException.class, () -> demultiplexer.stdout().read());
    assertThrows(IOException.class, () -> demultiplexer.stderr().read());
  }

  static byte[] frame(int type, String text) {
    byte[] payload = bytes(text);
    byte[] frame = new byte[8 + payload.length];
    frame[0] = (byte) type;
    frame[4] = (byte) (payload.length >>> 24);
    frame[5] = (byte) (payload.length >>> 16);
    frame[6] = (byte) (payload.length >>> 8);
    frame[7] = (byte) payload.length;
    System.arraycopy(payload, 0, frame, 8, payload.length);
    return frame;
  }

  private static InputStream stream(byte[]... parts) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      all.writeBytes(part);
    }
    return new ByteArrayInputStream(all.toByteArray());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String readAll(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  private static String readUnchecked(InputStream in) {
    try {
      return readAll(in);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
