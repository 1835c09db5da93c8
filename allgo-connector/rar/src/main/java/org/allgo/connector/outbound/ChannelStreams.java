package org.allgo.connector.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;

/**
 * Streams over a socket channel that may be read and written from two threads at once ({@code
 * Channels.newInputStream} would serialise them on one lock). A channel closed under a reader reads
 * as end-of-stream.
 */
final class ChannelStreams {

  private ChannelStreams() {}

  static InputStream in(SocketChannel channel) {
    return new BulkInputStream() {
      @Override
      public int read(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
          return 0;
        }
        try {
          int n;
          do {
            n = channel.read(ByteBuffer.wrap(bytes, offset, length));
          } while (n == 0);
          return n;
        } catch (ClosedChannelException e) {
          return -1;
        }
      }
    };
  }

  static OutputStream out(SocketChannel channel) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
      }
    };
  }
}
