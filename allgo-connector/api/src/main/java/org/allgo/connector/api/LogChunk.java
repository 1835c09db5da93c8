package org.allgo.connector.api;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/** One piece of a container's or a process's output, tagged with the stream it came from. */
public record LogChunk(Stream stream, byte[] bytes) {

  /** Where a chunk was written. */
  public enum Stream {
    STDOUT,
    STDERR
  }

  public LogChunk {
    Objects.requireNonNull(stream, "stream");
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The bytes as UTF-8 text; a character split between chunks is not repaired here. */
  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LogChunk chunk
        && chunk.stream == stream
        && Arrays.equals(chunk.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return 31 * stream.hashCode() + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "LogChunk[" + stream + ", " + bytes.length + " bytes]";
  }
}
