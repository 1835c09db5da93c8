package org.allgo.webapps.entity;

/**
 * SANDBOX while the commit takes the sandbox's files, COMMITTED once the image exists, READY once
 * the registry holds it; ERROR when the commit failed; REPLACED by a later commit of the same
 * number.
 */
public enum VersionState {
  SANDBOX,
  COMMITTED,
  READY,
  ERROR,
  REPLACED;

  /** Its commit job is still under way. */
  public boolean committing() {
    return this == SANDBOX || this == COMMITTED;
  }
}
