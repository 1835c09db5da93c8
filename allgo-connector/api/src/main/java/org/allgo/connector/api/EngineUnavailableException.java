package org.allgo.connector.api;

/** The Docker Engine did not answer. */
public class EngineUnavailableException extends DockerException {

  public EngineUnavailableException(String message) {
    super(message);
  }

  public EngineUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
