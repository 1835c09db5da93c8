package org.allgo.connector.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A container's output in the order it was written, with each stream readable on its own. */
public record ContainerLogs(List<LogChunk> chunks) {

  public ContainerLogs {
    chunks = List.copyOf(chunks);
  }

  public String stdout() {
    return text(LogChunk.Stream.STDOUT);
  }

  public String stderr() {
    return text(LogChunk.Stream.STDERR);
  }

  private String text(LogChunk.Stream stream) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    chunks.stream()
        .filter(chunk -> chunk.stream() == stream)
        .forEach(chunk -> out.writeBytes(chunk.bytes()));
    return out.toString(StandardCharsets.UTF_8);
  }
}
