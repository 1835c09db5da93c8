package org.allgo.connector.api;

/**
 * The engine refused because of the object's state: a name in use, a container not running, an
 * image in use.
 */
public class ConflictException extends DockerException {

  public ConflictException(String message) {
    super(message);
  }

  public ConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
