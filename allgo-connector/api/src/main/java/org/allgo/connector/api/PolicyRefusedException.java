package org.allgo.connector.api;

/** The environment's policy forbids what was asked; the message says which rule. */
public class PolicyRefusedException extends DockerException {

  public PolicyRefusedException(String message) {
    super(message);
  }

  public PolicyRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
