package org.allgo.jobs.entity;

import java.util.ArrayList;
import java.util.List;
import org.allgo.platform.BusinessException;

/**
 * A job's parameter string, checked once, and the arguments it gives the program: split the way a
 * POSIX shell splits words (blanks separate, single quotes keep everything, double quotes keep
 * everything but {@code \"}, {@code \\}, {@code \$} and {@code \`}, a backslash outside quotes
 * keeps the next character). Nothing is expanded: {@code $(id)}, {@code ;}, {@code *} or {@code ~}
 * reach the program as they are written.
 */
public final class Parameters {

  public static final int MAX_LENGTH = 4096;
  public static final int MAX_ARGUMENTS = 1000;

  private final String text;
  private final List<String> argv;

  private Parameters(String text, List<String> argv) {
    this.text = text;
    this.argv = argv;
  }

  /** The parameters of this string (null is the empty string); refuses one that does not split. */
  public static Parameters of(String parameters) {
    String text = check(parameters);
    return new Parameters(text, split(text));
  }

  /**
   * The parameters whose arguments are exactly these: each word kept as it is by single quotes
   * where it needs them (a single quote itself as {@code '\''}).
   */
  public static Parameters quoted(List<String> argv) {
    StringBuilder text = new StringBuilder();
    for (String word : argv) {
      if (text.length() > 0) {
        text.append(' ');
      }
      if (!word.isEmpty() && word.matches("[A-Za-z0-9_@%+=:,./-]+")) {
        text.append(word);
      } else {
        text.append('\'').append(word.replace("'", "'\\''")).append('\'');
      }
    }
    return of(text.toString());
  }

  /** The string as it was given, which the job records. */
  public String text() {
    return text;
  }

  /** The program's arguments. */
  public List<String> argv() {
    return argv;
  }

  private static List<String> split(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        i++;
      } else if (c == '\'') {
        int end = text.indexOf('\'', i + 1);
        if (end < 0) {
          throw invalid("A single quote is not closed.");
        }
        word.append(text, i + 1, end);
        inWord = true;
        i = end + 1;
      } else if (c == '"') {
        i = doubleQuoted(text, i + 1, word);
        inWord = true;
      } else if (c == '\\') {
        if (i + 1 >= text.length()) {
          throw invalid("The parameters end with a backslash that escapes nothing.");
        }
        char next = text.charAt(i + 1);
        if (next != '\n') {
          word.append(next);
          inWord = true;
        }
        i += 2;
      } else {
        word.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    if (words.size() > MAX_ARGUMENTS) {
      throw invalid("At most " + MAX_ARGUMENTS + " arguments are allowed.");
    }
    return List.copyOf(words);
  }

  // The string if its length and characters are acceptable; null is the empty string.
  private static String check(String parameters) {
    String text = parameters == null ? "" : parameters;
    if (text.length() > MAX_LENGTH) {
      throw invalid("The parameters are longer than " + MAX_LENGTH + " characters.");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
        throw invalid(
            "The parameters contain a control character (code "
                + (int) c
                + "): only printable characters, blanks and new lines are allowed.");
      }
    }
    return text;
  }

  // Returns the index after the closing quote.
  private static int doubleQuoted(String text, int from, StringBuilder word) {
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\' && i + 1 < text.length() && "\"\\$`\n".indexOf(text.charAt(i + 1)) >= 0) {
        if (text.charAt(i + 1) != '\n') {
          word.append(text.charAt(i + 1));
        }
        i += 2;
      } else {
        word.append(c);
        i++;
      }
    }
    throw invalid("A double quote is not closed.");
  }

  private static BusinessException invalid(String message) {
    return BusinessException.invalid("invalid-parameters", message);
  }
}
