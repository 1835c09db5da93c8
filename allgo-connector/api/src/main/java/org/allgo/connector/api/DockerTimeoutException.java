package org.allgo.connector.api;

/** The engine or a process did not finish in the time it was given. */
public class DockerTimeoutException extends DockerException {

  public DockerTimeoutException(String message) {
    super(message);
  }

  public DockerTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
