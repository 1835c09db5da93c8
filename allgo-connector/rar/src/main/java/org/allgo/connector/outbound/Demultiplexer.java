package org.allgo.connector.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.allgo.connector.api.LogChunk;

/**
 * Splits a multiplexed stream into stdout and stderr without a thread of its own: whichever stream
 * is read pulls the next frame and keeps frames of the other for its reader. The two streams may be
 * read from two threads.
 */
final class Demultiplexer {

  private final FrameReader frames;
  private final Map<LogChunk.Stream, ArrayDeque<ByteBuffer>> pending =
      new EnumMap<>(LogChunk.Stream.class);
  private boolean reading;
  private boolean ended;
  private IOException failure;

  Demultiplexer(InputStream multiplexed) {
    this.frames = new FrameReader(multiplexed);
    for (LogChunk.Stream stream : LogChunk.Stream.values()) {
      pending.put(stream, new ArrayDeque<>());
    }
  }

  InputStream stdout() {
    return new Part(LogChunk.Stream.STDOUT);
  }

  InputStream stderr() {
    return new Part(LogChunk.Stream.STDERR);
  }

  private int read(LogChunk.Stream stream, byte[] bytes, int offset, int length)
      throws IOException {
    if (length == 0) {
      return 0;
    }
    while (true) {
      synchronized (this) {
        while (true) {
          int taken = take(stream, bytes, offset, length);
          if (taken > 0) {
            return taken;
          }
          if (failure != null) {
            throw failure;
          }
          if (ended) {
            return -1;
          }
          if (!reading) {
            reading = true;
            break;
          }
          awaitReader();
        }
      }
      pull();
    }
  }

  private void pull() {
    Optional<LogChunk> chunk = Optional.empty();
    IOException error = null;
    try {
      chunk = frames.next();
    } catch (IOException e) {
      error = e;
    }
    synchronized (this) {
      reading = false;
      if (error != null) {
        failure = error;
      } else if (chunk.isEmpty()) {
        ended = true;
      } else {
        pending.get(chunk.get().stream()).add(ByteBuffer.wrap(chunk.get().bytes()));
      }
      notifyAll();
    }
  }

  private int take(LogChunk.Stream stream, byte[] bytes, int offset, int length) {
    ArrayDeque<ByteBuffer> queue = pending.get(stream);
    ByteBuffer head = queue.peek();
    while (head != null && !head.hasRemaining()) {
      queue.poll();
      head = queue.peek();
    }
    if (head == null) {
      return 0;
    }
    int n = Math.min(length, head.remaining());
    head.get(bytes, offset, n);
    return n;
  }

  private void awaitReader() throws IOException {
    try {
      wait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("Interrupted while reading the process's output");
    }
  }

  private final class Part extends BulkInputStream {
    private final LogChunk.Stream stream;

    Part(LogChunk.Stream stream) {
      this.stream = stream;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      return Demultiplexer.this.read(stream, bytes, offset, length);
    }
  }
}
