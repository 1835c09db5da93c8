package org.allgo.itc;

import org.allgo.accounts.entity.Caller;

/** A user a test signed up: how the security layer knows them, and their password. */
public record TestUser(Caller caller, String password) {

  public long id() {
    return caller.id();
  }

  public String email() {
    return caller.email();
  }
}
