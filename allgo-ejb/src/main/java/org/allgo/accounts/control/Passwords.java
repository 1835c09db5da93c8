package org.allgo.accounts.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Password hashing with the platform's {@link Pbkdf2PasswordHash} (PBKDF2 with HMAC-SHA256). A
 * stored hash names its own algorithm and iterations, so these settings can grow later.
 */
@ApplicationScoped
public class Passwords {

  static final Map<String, String> PARAMETERS =
      Map.of(
          "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
          "Pbkdf2PasswordHash.Iterations", "120000",
          "Pbkdf2PasswordHash.SaltSizeBytes", "32",
          "Pbkdf2PasswordHash.KeySizeBytes", "32");

  @Inject Pbkdf2PasswordHash hash;

  // Checked when the e-mail address is unknown, so that the answer takes as long.
  private String decoy;

  @PostConstruct
  void initialize() {
    hash.initialize(PARAMETERS);
    decoy = hash.generate("decoy password".toCharArray());
  }

  public String hash(String password) {
    return hash.generate(password.toCharArray());
  }

  public boolean verify(String password, String stored) {
    return hash.verify(password.toCharArray(), stored);
  }

  /** Spends the time of one verification, for a caller with no stored hash. */
  public void verifyNothing(String password) {
    hash.verify(password.toCharArray(), decoy);
  }
}
