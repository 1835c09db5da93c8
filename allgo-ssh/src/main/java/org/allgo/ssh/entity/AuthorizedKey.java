package org.allgo.ssh.entity;

import java.util.Objects;

/**
 * A key accepted for one webapp's login, as the database gives it.
 *
 * @param email the account the key belongs to
 * @param publicKey the OpenSSH line ({@code type base64 [comment]})
 * @param fingerprint {@code SHA256:…}, as {@code ssh-keygen -l} prints it
 */
public record AuthorizedKey(String email, String publicKey, String fingerprint) {

  public AuthorizedKey {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }
}
