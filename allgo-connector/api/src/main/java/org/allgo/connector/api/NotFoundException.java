package org.allgo.connector.api;

/** The container, exec or image does not exist. */
public class NotFoundException extends DockerException {

  public NotFoundException(String message) {
    super(message);
  }

  public NotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
