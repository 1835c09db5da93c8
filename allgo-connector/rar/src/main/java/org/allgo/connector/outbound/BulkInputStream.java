package org.allgo.connector.outbound;

import java.io.IOException;
import java.io.InputStream;

/** An input stream that reads in bulk only: a single byte is read as an array of one. */
abstract class BulkInputStream extends InputStream {

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public abstract int read(byte[] bytes, int offset, int length) throws IOException;
}
