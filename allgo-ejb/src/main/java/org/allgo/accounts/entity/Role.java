package org.allgo.accounts.entity;

import java.util.Set;

/** What a user may do: run and publish webapps, or also administer the platform. */
public enum Role {
  USER,
  SUPERUSER;

  /** The security groups of a caller with this role, named as the web tier's roles. */
  public Set<String> groups() {
    return this == SUPERUSER ? Set.of("user", "superuser") : Set.of("user");
  }
}
