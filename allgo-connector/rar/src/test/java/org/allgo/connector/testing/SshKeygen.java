package org.allgo.connector.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** OpenSSH's {@code ssh-keygen}, as the tests of SSH keys use it: new key pairs, fingerprints. */
public final class SshKeygen {

  private SshKeygen() {}

  /**
   * A new key pair of {@code type} without a passphrase in {@code dir}, of {@code bits} (0: the
   * type's default); its public key's file.
   */
  public static Path keygen(Path dir, String type, int bits, String comment) {
    Path key = dir.resolve(type + bits + "-" + System.nanoTime());
    List<String> command =
        new ArrayList<>(
            List.of("ssh-keygen", "-q", "-t", type, "-N", "", "-C", comment, "-f", key.toString()));
    if (bits > 0) {
      command.addAll(List.of("-b", Integer.toString(bits)));
    }
    run(command);
    return Path.of(key + ".pub");
  }

  /** What {@code ssh-keygen -l} prints as the key's SHA-256 fingerprint. */
  public static String fingerprint(Path pub) {
    // "256 SHA256:xxxx comment (ED25519)"
    return run(List.of("ssh-keygen", "-l", "-E", "sha256", "-f", pub.toString())).split(" ")[1];
  }

  private static String run(List<String> command) {
    return Commands.run(command, "", Map.of(), Duration.ofSeconds(60)).orFail().stdout();
  }
}
