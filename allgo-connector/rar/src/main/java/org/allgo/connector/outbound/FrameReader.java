package org.allgo.connector.outbound;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.allgo.connector.api.LogChunk;

/**
 * Reads the engine's multiplexed stream (logs and attach without a terminal): frames of an 8-byte
 * header — stream type, three zero bytes, big-endian payload length — and the payload.
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
    LogChunk.Stream stream =
        switch (header[0]) {
          case 0, 1 -> LogChunk.Stream.STDOUT;
          case 2 -> LogChunk.Stream.STDERR;
          default -> throw new IOException("Not a multiplexed stream: frame type " + header[0]);
        };
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
    return Optional.of(new LogChunk(stream, payload));
  }
}
