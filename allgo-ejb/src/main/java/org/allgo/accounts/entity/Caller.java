package org.allgo.accounts.entity;

import java.util.Set;

/**
 * An authenticated user as the security layer knows them: id, name (the e-mail), groups, and the
 * version of the credentials they signed in with (a session of an older version has ended).
 */
public record Caller(Long id, String email, Set<String> groups, int credentialsVersion) {

  public Caller {
    groups = Set.copyOf(groups);
  }
}
