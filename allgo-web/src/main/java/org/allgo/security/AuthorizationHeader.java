package org.allgo.security;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the API token from an {@code Authorization} header: {@code Bearer <token>}, or {@code Token
 * token=<token>} (optionally quoted, as the original platform's clients send it).
 */
public final class AuthorizationHeader {

  private static final Pattern BEARER = Pattern.compile("(?i)Bearer[ ]+([^\\s,]+)\\s*");
  private static final Pattern TOKEN =
      Pattern.compile("(?i)Token[ ]+token=(\"([^\"]*)\"|([^\\s,\"]+))\\s*(,.*)?");

  private AuthorizationHeader() {}

  /** The token in the header, if it has one of the two forms. */
  public static Optional<String> token(String header) {
    if (header == null || header.length() > 1024) {
      return Optional.empty();
    }
    String value = header.strip();
    Matcher bearer = BEARER.matcher(value);
    if (bearer.matches()) {
      return Optional.of(bearer.group(1));
    }
    Matcher token = TOKEN.matcher(value);
    if (token.matches()) {
      return Optional.of(token.group(2) != null ? token.group(2) : token.group(3));
    }
    return Optional.empty();
  }

  /** Whether the header tries token authentication at all (as opposed to no header). */
  public static boolean present(String header) {
    return header != null && !header.isBlank();
  }

  static String scheme(String header) {
    String value = header.strip();
    int space = value.indexOf(' ');
    return (space < 0 ? value : value.substring(0, space)).toLowerCase(Locale.ROOT);
  }
}
