package org.allgo.ssh.entity;

import java.util.Objects;

/** Who logged into which webapp's sandbox, with which key. */
public record Login(String webapp, String email, String fingerprint) {

  public Login {
    Objects.requireNonNull(webapp, "webapp");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }
}
