package org.allgo.accounts.control;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.allgo.accounts.entity.PublicKeyLine;
import org.allgo.platform.BusinessException;

/**
 * Reads one OpenSSH public key line ({@code type base64 [comment]}) and refuses what allgo does not
 * accept: malformed lines, unknown types, a blob whose embedded type differs from the declared one,
 * RSA keys under {@value #MIN_RSA_BITS} bits. The fingerprint is what {@code ssh-keygen -l} prints.
 */
public final class SshPublicKeys {

  public static final int MIN_RSA_BITS = 2048;
  public static final int MAX_LINE = 8192;
  public static final int MAX_COMMENT = 255;

  // The curve each ECDSA type declares, and its public point length (uncompressed).
  private static final Map<String, Integer> ECDSA =
      Map.of("nistp256", 65, "nistp384", 97, "nistp521", 133);

  private SshPublicKeys() {}

  public static PublicKeyLine parse(String text) {
    if (text == null || text.isBlank()) {
      throw malformed("Please paste a public key.");
    }
    String line = text.strip();
    if (line.length() > MAX_LINE) {
      throw malformed("The key is too long (at most " + MAX_LINE + " characters).");
    }
    if (line.contains("\n") || line.contains("\r")) {
      throw malformed("Paste one key, on one line.");
    }
    if (line.startsWith("-----")) {
      throw malformed(
          "This is not an OpenSSH public key line: paste the content of your .pub file.");
    }
    String[] parts = line.split("[ \\t]+", 3);
    if (parts.length < 2) {
      throw malformed("A public key line reads 'type key [comment]', as in your .pub file.");
    }
    String type = parts[0];
    String comment = parts.length == 3 ? parts[2].strip() : "";
    if (comment.length() > MAX_COMMENT || comment.chars().anyMatch(Character::isISOControl)) {
      throw malformed("The comment is too long or holds control characters.");
    }
    byte[] blob;
    try {
      blob = Base64.getDecoder().decode(parts[1]);
    } catch (IllegalArgumentException e) {
      throw malformed("The key is not valid base64.");
    }
    int bits = check(type, blob);
    String canonical =
        type
            + " "
            + Base64.getEncoder().encodeToString(blob)
            + (comment.isEmpty() ? "" : " " + comment);
    return new PublicKeyLine(type, canonical, fingerprint(blob), comment, bits);
  }

  /** {@code SHA256:} and the unpadded base64 of the SHA-256 of the key blob. */
  public static String fingerprint(byte[] blob) {
    return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(Tokens.sha256(blob));
  }

  private static int check(String type, byte[] blob) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(blob))) {
      String embedded = new String(bytes(in), StandardCharsets.US_ASCII);
      if (!embedded.equals(type)) {
        throw malformed("The key says it is '" + type + "' but holds a '" + embedded + "' key.");
      }
      int bits =
          switch (type) {
            case "ssh-ed25519" -> ed25519(in);
            case "ssh-rsa" -> rsa(in);
            case "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521" ->
                ecdsa(type, in);
            default ->
                throw BusinessException.invalid(
                    "ssh-key-type",
                    "Key type '"
                        + type
                        + "' is not accepted: use ed25519, ecdsa or rsa ("
                        + MIN_RSA_BITS
                        + " bits or more).");
          };
      if (in.available() > 0) {
        throw malformed("The key has trailing data.");
      }
      return bits;
    } catch (IOException e) {
      throw malformed("The key data is truncated or corrupt.");
    }
  }

  private static int ed25519(DataInputStream in) throws IOException {
    if (bytes(in).length != 32) {
      throw malformed("An ed25519 key is 32 bytes long.");
    }
    return 256;
  }

  private static int rsa(DataInputStream in) throws IOException {
    BigInteger exponent = new BigInteger(bytes(in));
    BigInteger modulus = new BigInteger(bytes(in));
    if (exponent.signum() <= 0 || modulus.signum() <= 0) {
      throw malformed("The RSA key numbers are not valid.");
    }
    if (modulus.bitLength() < MIN_RSA_BITS) {
      throw BusinessException.invalid(
          "ssh-key-weak",
          "This RSA key has "
              + modulus.bitLength()
              + " bits: at least "
              + MIN_RSA_BITS
              + " are needed.");
    }
    return modulus.bitLength();
  }

  private static int ecdsa(String type, DataInputStream in) throws IOException {
    String curve = new String(bytes(in), StandardCharsets.US_ASCII);
    if (!type.endsWith("-" + curve)) {
      throw malformed("The key's curve '" + curve + "' does not match its type.");
    }
    byte[] point = bytes(in);
    if (point.length != ECDSA.get(curve) || point[0] != 4) {
      throw malformed("The ECDSA public point is not valid.");
    }
    return Integer.parseInt(curve.substring("nistp".length()));
  }

  /** One SSH wire-format string: a 32-bit length and that many bytes. */
  private static byte[] bytes(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available()) {
      throw new EOFException("length " + length);
    }
    byte[] data = new byte[length];
    in.readFully(data);
    return data;
  }

  private static BusinessException malformed(String message) {
    return BusinessException.invalid("ssh-key-malformed", message);
  }
}
