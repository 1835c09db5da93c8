package org.allgo.accounts.entity;

import java.util.Set;

/** An authenticated user as the security layer knows them: id, name (the e-mail) and groups. */
public record Caller(Long id, String email, Set<String> groups) {

  public Caller {
    groups = Set.copyOf(groups);
  }
}
