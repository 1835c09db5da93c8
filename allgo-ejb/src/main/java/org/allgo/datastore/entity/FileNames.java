package org.allgo.datastore.entity;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import org.allgo.platform.BusinessException;

/**
 * The names a job's files may have in its directory: one path component, no {@code .} or {@code
 * ..}, no control character, NUL or bidirectional control, at most 255 bytes, not {@code
 * allgo.log}. Names are taken in Unicode NFC so that one name has one spelling on disk.
 */
public final class FileNames {

  /** The file the platform writes the program's output and the job's summary to. */
  public static final String LOG = "allgo.log";

  static final int MAX_BYTES = 255;

  private FileNames() {}

  /** The name to store an upload under, or a refusal that says what is wrong with it. */
  public static String sanitize(String name) {
    if (name == null || name.isBlank()) {
      throw invalid("A file has no name.");
    }
    String clean = Normalizer.normalize(name.strip(), Normalizer.Form.NFC);
    if (clean.indexOf('/') >= 0 || clean.indexOf('\\') >= 0) {
      throw invalid(
          "The file name '"
              + printable(clean)
              + "' contains a path separator: send the file's name only.");
    }
    if (clean.equals(".") || clean.equals("..")) {
      throw invalid("'" + clean + "' is not a file name.");
    }
    if (clean.chars().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
      throw invalid("The file name '" + printable(clean) + "' contains a control character.");
    }
    if (clean.chars().anyMatch(FileNames::isBidiControl)) {
      throw invalid(
          "The file name '"
              + printable(clean)
              + "' contains a bidirectional control character, which would show it reordered.");
    }
    if (clean.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw invalid("A file name is longer than " + MAX_BYTES + " bytes.");
    }
    if (clean.equals(LOG)) {
      throw invalid("The file name " + LOG + " is reserved for the job's log.");
    }
    return clean;
  }

  /** Whether a name read from a request path may name a file of a job. */
  public static boolean isValid(String name) {
    try {
      return name.equals(LOG) || sanitize(name).equals(name);
    } catch (BusinessException e) {
      return false;
    }
  }

  /**
   * The characters that change the display order of the text around them (embeddings, overrides,
   * isolates, marks): {@code invoice\u202Efdp.exe} shows as {@code invoiceexe.pdf}.
   */
  static boolean isBidiControl(int c) {
    return c == 0x061C
        || c == 0x200E
        || c == 0x200F
        || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069);
  }

  private static String printable(String name) {
    StringBuilder out = new StringBuilder();
    name.codePoints()
        .limit(80)
        .forEach(
            c -> {
              if (Character.isISOControl(c) || isBidiControl(c)) {
                out.append('?');
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }

  private static BusinessException invalid(String message) {
    return BusinessException.invalid("invalid-file-name", message);
  }
}
