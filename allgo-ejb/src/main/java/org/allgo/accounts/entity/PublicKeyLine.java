package org.allgo.accounts.entity;

import java.util.Objects;

/**
 * An OpenSSH public key that passed the checks: its type, the line to store (type, base64 blob and
 * comment), its SHA-256 fingerprint as {@code ssh-keygen -l} prints it, and its size in bits.
 */
public record PublicKeyLine(
    String type, String line, String fingerprint, String comment, int bits) {

  public PublicKeyLine {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(comment, "comment");
  }
}
