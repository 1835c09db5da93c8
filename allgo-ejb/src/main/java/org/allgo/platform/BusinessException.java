package org.allgo.platform;

import jakarta.ejb.ApplicationException;
import java.util.Objects;

/**
 * A refusal the caller can understand and act on: bad input, a missing or forbidden thing, a
 * conflict. Thrown by services, it rolls the transaction back; the web tier turns its {@link Kind}
 * into an HTTP status and its message into the text shown to the user.
 */
@ApplicationException(rollback = true)
public class BusinessException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What went wrong, in terms of the HTTP status the web tier answers with. */
  public enum Kind {
    INVALID(400),
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    CONFLICT(409),
    GONE(410),
    TOO_LARGE(413),
    UNPROCESSABLE(422),
    TOO_MANY_REQUESTS(429),
    INSUFFICIENT_STORAGE(507);

    private final int status;

    Kind(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final Kind kind;
  private final String code;
  private final java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();

  /**
   * @param kind what went wrong
   * @param code a short stable identifier for clients, such as {@code weak-password}
   * @param message the sentence shown to the user
   */
  public BusinessException(Kind kind, String code, String message) {
    super(Objects.requireNonNull(message, "message"));
    this.kind = Objects.requireNonNull(kind, "kind");
    this.code = Objects.requireNonNull(code, "code");
  }

  public static BusinessException invalid(String code, String message) {
    return new BusinessException(Kind.INVALID, code, message);
  }

  public static BusinessException notFound(String code, String message) {
    return new BusinessException(Kind.NOT_FOUND, code, message);
  }

  public static BusinessException conflict(String code, String message) {
    return new BusinessException(Kind.CONFLICT, code, message);
  }

  public static BusinessException gone(String code, String message) {
    return new BusinessException(Kind.GONE, code, message);
  }

  public static BusinessException tooLarge(String code, String message) {
    return new BusinessException(Kind.TOO_LARGE, code, message);
  }

  /**
   * Well-formed, but it cannot be done as asked (such as an idempotency key reused for another
   * request).
   */
  public static BusinessException unprocessable(String code, String message) {
    return new BusinessException(Kind.UNPROCESSABLE, code, message);
  }

  /** The server has no room left to store what the request brings. */
  public static BusinessException insufficientStorage(String code, String message) {
    return new BusinessException(Kind.INSUFFICIENT_STORAGE, code, message);
  }

  public static BusinessException forbidden(String code, String message) {
    return new BusinessException(Kind.FORBIDDEN, code, message);
  }

  /** The same refusal, with what is wrong with each named field of the request. */
  public BusinessException withFields(java.util.Map<String, String> fieldMessages) {
    fields.putAll(fieldMessages);
    return this;
  }

  /** What is wrong with each named field of the request, in order; empty when it is the whole. */
  public java.util.Map<String, String> fields() {
    return java.util.Collections.unmodifiableMap(fields);
  }

  public Kind kind() {
    return kind;
  }

  public String code() {
    return code;
  }
}
