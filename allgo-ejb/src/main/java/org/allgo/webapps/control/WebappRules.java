package org.allgo.webapps.control;

import java.util.regex.Pattern;
import org.allgo.platform.BusinessException;

/** What a webapp's fields may hold; each refusal says what is expected. */
public final class WebappRules {

  /** Docker's rules for a repository path component, which the docker name also is. */
  private static final Pattern DOCKER_NAME =
      Pattern.compile("[a-z0-9](?:[a-z0-9]|[_-](?=[a-z0-9])){1,62}");

  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");
  private static final Pattern ENTRYPOINT = Pattern.compile("/[A-Za-z0-9._/+-]{1,254}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}");
  private static final Pattern PATTERNS = Pattern.compile("[A-Za-z0-9*?._, -]{0,255}");
  static final int MIN_MEMORY_MB = 16;
  static final int MAX_MEMORY_MB = 65536;

  private WebappRules() {}

  public static String name(String value) {
    String name = value == null ? "" : value.strip();
    if (name.isEmpty() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
      throw BusinessException.invalid(
          "invalid-name", "The name must have 1 to 100 printable characters.");
    }
    return name;
  }

  public static String dockerName(String value) {
    if (value == null || !DOCKER_NAME.matcher(value).matches()) {
      throw BusinessException.invalid(
          "invalid-docker-name",
          "The docker name must have 2 to 63 characters: lower-case letters, digits, '-' and '_',"
              + " starting and ending with a letter or digit, as in 'my-tool'.");
    }
    return value;
  }

  public static String version(String value) {
    if (value == null || !VERSION.matcher(value).matches()) {
      throw BusinessException.invalid(
          "invalid-version",
          "A version number has 1 to 32 letters, digits, '.', '-' or '_', as in '1.2'.");
    }
    return value;
  }

  public static String entrypoint(String value) {
    if (value == null
        || !ENTRYPOINT.matcher(value).matches()
        || value.contains("/../")
        || value.endsWith("/..")) {
      throw BusinessException.invalid(
          "invalid-entrypoint",
          "The entrypoint is the absolute path of the program in the image, as in /usr/local/bin/tool.");
    }
    return value;
  }

  public static String contactEmail(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String email = value.strip();
    if (!EMAIL.matcher(email).matches()) {
      throw BusinessException.invalid("invalid-email", "The contact e-mail address is not valid.");
    }
    return email;
  }

  public static int memoryMb(int value) {
    if (value < MIN_MEMORY_MB || value > MAX_MEMORY_MB) {
      throw BusinessException.invalid(
          "invalid-memory",
          "The memory limit must be between " + MIN_MEMORY_MB + " and " + MAX_MEMORY_MB + " MiB.");
    }
    return value;
  }

  public static String inputPatterns(String value) {
    String patterns = value == null ? "" : value.strip();
    if (!PATTERNS.matcher(patterns).matches()) {
      throw BusinessException.invalid(
          "invalid-patterns",
          "Input patterns are file-name globs separated by commas, as in '*.txt, *.csv'.");
    }
    return patterns;
  }

  public static String imageReference(String value) {
    try {
      return org.allgo.connector.api.ImageRef.parse(value == null ? "" : value.strip()).toString();
    } catch (IllegalArgumentException e) {
      throw BusinessException.invalid("invalid-image", "Not an image reference: " + e.getMessage());
    }
  }

  /** Markdown text: any printable text up to a size. */
  public static String text(String value, String field, int max) {
    if (value == null) {
      return "";
    }
    if (value.length() > max) {
      throw BusinessException.invalid(
          "too-long", "The " + field + " is longer than " + max + " characters.");
    }
    return value;
  }
}
