package org.allgo.accounts.entity;

import java.util.Set;

/** What a user may do: run and publish webapps, or also administer the platform. */
public enum Role {
  USER,
  SUPERUSER;

  /** The container's role of every signed-in user (a security group of the same name). */
  public static final String USER_ROLE = "user";

  /** The container's role of superusers, which superuser-only services require. */
  public static final String SUPERUSER_ROLE = "superuser";

  /** The security groups of a caller with this role, named as the container's roles. */
  public Set<String> groups() {
    return this == SUPERUSER ? Set.of(USER_ROLE, SUPERUSER_ROLE) : Set.of(USER_ROLE);
  }
}
