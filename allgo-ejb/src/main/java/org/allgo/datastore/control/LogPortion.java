package org.allgo.datastore.control;

import java.nio.charset.StandardCharsets;
import org.allgo.datastore.entity.JobLogView;

/**
 * Cuts what was read of a log into a portion clients can show: whole lines and whole UTF-8
 * characters, so that offsets stay exact and the next portion starts where this one stopped.
 */
final class LogPortion {

  private LogPortion() {}

  /**
   * @param bytes what was read, starting at {@code start}
   * @param size the log's size
   * @param complete the log will not grow: its last line may end without a line break
   * @param atLine move the start to the beginning of a line (a tail that began mid-line)
   */
  static JobLogView of(byte[] bytes, long start, long size, boolean complete, boolean atLine) {
    int from = atLine && start > 0 ? lineStart(bytes) : 0;
    boolean reachesEnd = start + bytes.length >= size;
    int to = complete && reachesEnd ? bytes.length : cut(bytes, from, reachesEnd);
    return new JobLogView(
        start + from,
        start + to,
        size,
        complete && start + to >= size,
        new String(bytes, from, to - from, StandardCharsets.UTF_8));
  }

  // After the first line break; at the first whole character when there is none.
  private static int lineStart(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        return i + 1;
      }
    }
    return characterStart(bytes, 0);
  }

  // After the last line break; a line longer than the whole portion is cut between characters.
  private static int cut(byte[] bytes, int from, boolean reachesEnd) {
    for (int i = bytes.length - 1; i >= from; i--) {
      if (bytes[i] == '\n') {
        return i + 1;
      }
    }
    return reachesEnd ? from : characterEnd(bytes, from);
  }

  private static int characterStart(byte[] bytes, int from) {
    int i = from;
    while (i < bytes.length && isContinuation(bytes[i])) {
      i++;
    }
    return i;
  }

  // Before a character whose bytes were not all read.
  private static int characterEnd(byte[] bytes, int from) {
    int i = bytes.length;
    int back = 0;
    while (i > from && back < 4 && isContinuation(bytes[i - 1])) {
      i--;
      back++;
    }
    if (i > from && (bytes[i - 1] & 0xC0) == 0xC0) {
      int need = (bytes[i - 1] & 0xF0) == 0xF0 ? 4 : (bytes[i - 1] & 0xE0) == 0xE0 ? 3 : 2;
      return back + 1 >= need ? bytes.length : i - 1;
    }
    return bytes.length;
  }

  private static boolean isContinuation(byte b) {
    return (b & 0xC0) == 0x80;
  }
}
