package org.allgo.accounts.control;

import java.util.Locale;
import java.util.regex.Pattern;
import org.allgo.platform.BusinessException;

/** The rules account input must follow: each check returns the cleaned value or refuses it. */
public final class AccountRules {

  public static final int MAX_EMAIL = 254;
  public static final int MAX_NAME = 100;
  public static final int MIN_PASSWORD = 10;
  public static final int MAX_PASSWORD = 128;

  // Local part of printable ASCII without specials; a domain of dot-separated labels
  // (one label, such as localhost, is allowed: the development users live there).
  private static final Pattern EMAIL =
      Pattern.compile(
          "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
              + "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

  private AccountRules() {}

  /** A well-formed address, trimmed and lower-cased. */
  public static String email(String email) {
    if (email == null || email.isBlank()) {
      throw BusinessException.invalid("email-missing", "Please give an e-mail address.");
    }
    String clean = email.strip().toLowerCase(Locale.ROOT);
    if (clean.length() > MAX_EMAIL) {
      throw BusinessException.invalid(
          "email-too-long",
          "The e-mail address is too long (at most " + MAX_EMAIL + " characters).");
    }
    if (!EMAIL.matcher(clean).matches() || clean.indexOf('@') > 64) {
      throw BusinessException.invalid(
          "email-invalid", "'" + clean + "' is not a valid e-mail address.");
    }
    return clean;
  }

  /** The shortest run a job mail is sent for: from none (every job) to a day. */
  public static int notifyAfterSeconds(int seconds) {
    if (seconds < 0 || seconds > 86_400) {
      throw BusinessException.invalid(
          "invalid-notify-after",
          "Job mails start after 0 seconds (every job) to 86400 seconds (a day) of running.");
    }
    return seconds;
  }

  /** A display name: trimmed, not empty, no control characters. */
  public static String name(String name) {
    if (name == null || name.isBlank()) {
      throw BusinessException.invalid("name-missing", "Please give your name.");
    }
    String clean = name.strip();
    if (clean.length() > MAX_NAME) {
      throw BusinessException.invalid(
          "name-too-long", "The name is too long (at most " + MAX_NAME + " characters).");
    }
    if (clean.chars().anyMatch(Character::isISOControl)) {
      throw BusinessException.invalid(
          "name-invalid", "The name may not contain control characters.");
    }
    return clean;
  }

  /**
   * A password strong enough: at least {@value #MIN_PASSWORD} characters of at least two kinds
   * (lower case, upper case, digits, others), and not the e-mail address.
   */
  public static String password(String password, String email) {
    if (password == null || password.isEmpty()) {
      throw BusinessException.invalid("password-missing", "Please give a password.");
    }
    if (password.length() > MAX_PASSWORD) {
      throw BusinessException.invalid(
          "password-too-long",
          "The password is too long (at most " + MAX_PASSWORD + " characters).");
    }
    if (password.length() < MIN_PASSWORD) {
      throw weak("The password is too short: use at least " + MIN_PASSWORD + " characters.");
    }
    if (kinds(password) < 2) {
      throw weak("The password is too simple: mix letters with digits, capitals or symbols.");
    }
    if (email != null && password.strip().equalsIgnoreCase(email.strip())) {
      throw weak("The password may not be your e-mail address.");
    }
    return password;
  }

  private static BusinessException weak(String message) {
    return BusinessException.invalid("weak-password", message);
  }

  private static int kinds(String password) {
    boolean lower = false;
    boolean upper = false;
    boolean digit = false;
    boolean other = false;
    for (int i = 0; i < password.length(); i++) {
      char c = password.charAt(i);
      if (Character.isLowerCase(c)) {
        lower = true;
      } else if (Character.isUpperCase(c)) {
        upper = true;
      } else if (Character.isDigit(c)) {
        digit = true;
      } else {
        other = true;
      }
    }
    return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
  }
}
