package org.allgo.connector.api;

/** Base of every failure the connector reports; subclasses say what kind. */
public class DockerException extends RuntimeException {

  public DockerException(String message) {
    super(message);
  }

  public DockerException(String message, Throwable cause) {
    super(message, cause);
  }
}
