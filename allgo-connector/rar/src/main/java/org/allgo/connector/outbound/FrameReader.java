package org.allgo.connector.outbound;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.allgo.connector.api.LogChunk;

/**
 * Reads the engine's multiplexed stream (logs and attach without a terminal): frames of an 8-byte
 * header — stream type, three zero bytes, big-endian payload length — and the payload. A swarm
 * service's log may end with a frame of type 3, the engine's error.
 */
final class FrameReader {

  private static final int MAX_FRAME = 64 * 1024 * 1024;

  private final InputStream in;

  FrameReader(InputStream in) {
    this.in = in;
  }

  /** The next frame, or empty at the end of the stream. */
  Optional<LogChunk> next() throws IOException {
    byte[] header = new byte[8];
    int read = in.readNBytes(header, 0, 8);
    if (read == 0) {
      return Optional.empty();
    }
    if (read < 8) {
      throw new EOFException("Stream ended inside a frame header");
    }
    if ((header[0] & 0xff) > 3) {
      throw new IOException("Not a multiplexed stream: frame type " + header[0]);
    }
    int length =
        ((header[4] & 0xff) << 24)
            | ((header[5] & 0xff) << 16)
            | ((header[6] & 0xff) << 8)
            | (header[7] & 0xff);
    if (length < 0 || length > MAX_FRAME) {
      throw new IOException("Frame too large: " + Integer.toUnsignedString(length) + " bytes");
    }
    byte[] payload = in.readNBytes(length);
    if (payload.length < length) {
      throw new EOFException("Stream ended inside a frame of " + length + " bytes");
    }
    if (header[0] == 3) {
      throw new EngineError(new String(payload, StandardCharsets.UTF_8).strip());
    }
    return Optional.of(
        new LogChunk(header[0] == 2 ? LogChunk.Stream.STDERR : LogChunk.Stream.STDOUT, payload));
  }

  /**
   * A frame of the engine's own (type 3) in place of the rest: the log could not be read (the swarm
   * node that holds it is down).
   */
  static final class EngineError extends IOException {

    private static final long serialVersionUID = 1L;

    EngineError(String message) {
      super(message);
    }
  }
}
