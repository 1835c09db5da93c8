package org.allgo.connector.adapter;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.allgo.connector.api.ConflictException;
import org.allgo.connector.api.DockerException;
import org.allgo.connector.api.EngineUnavailableException;
import org.allgo.connector.api.NotFoundException;

/** Turns docker-java's and the transport's failures into the api's typed exceptions. */
public final class Failures {

  private static final Pattern MESSAGE =
      Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  private Failures() {}

  /** The api exception for a failure of {@code what} (e.g. "Cannot start container x"). */
  public static DockerException translate(RuntimeException failure, String what) {
    if (failure instanceof DockerException known) {
      return known;
    }
    if (failure instanceof com.github.dockerjava.api.exception.DockerException engine) {
      return ofStatus(engine.getHttpStatus(), what, engineMessage(engine.getMessage()), failure);
    }
    if (hasIoCause(failure)) {
      return unavailable(what, failure);
    }
    return new DockerException(what + ": " + failure.getMessage(), failure);
  }

  /** The api exception for an HTTP status the engine answered with. */
  public static DockerException ofStatus(int status, String what, String message, Throwable cause) {
    String text = what + ": " + message;
    return switch (status) {
      case 404 -> new NotFoundException(text, cause);
      case 409 -> new ConflictException(text, cause);
      default -> new DockerException(text, cause);
    };
  }

  public static EngineUnavailableException unavailable(String what, Throwable cause) {
    return new EngineUnavailableException(
        what + ": the Docker engine does not answer (" + cause.getMessage() + ")", cause);
  }

  /** The {@code message} of an engine's JSON error body, or the text as it is. */
  public static String engineMessage(String text) {
    if (text == null) {
      return "no message";
    }
    Matcher matcher = MESSAGE.matcher(text);
    return matcher.find() ? matcher.group(1).replace("\\\"", "\"") : text.strip();
  }

  private static boolean hasIoCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }
}
