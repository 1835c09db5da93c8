package org.allgo.accounts.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.allgo.accounts.entity.PublicKeyLine;
import org.allgo.connector.testing.SshKeygen;
import org.allgo.platform.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parser against keys made by the real {@code ssh-keygen}. */
class SshPublicKeysTest {

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
    "ed25519,0,ssh-ed25519",
    "ecdsa,256,ecdsa-sha2-nistp256",
    "ecdsa,384,ecdsa-sha2-nistp384",
    "ecdsa,521,ecdsa-sha2-nistp521",
    "rsa,2048,ssh-rsa",
    "rsa,4096,ssh-rsa"
  })
  void acceptsWhatSshKeygenMakesWithItsFingerprint(String type, int bits, String name)
      throws Exception {
    Path pub = SshKeygen.keygen(dir, type, bits, "alice@laptop");

    PublicKeyLine key = SshPublicKeys.parse(Files.readString(pub));

    assertThat(key.type()).isEqualTo(name);
    assertThat(key.comment()).isEqualTo("alice@laptop");
    assertThat(key.fingerprint()).isEqualTo(SshKeygen.fingerprint(pub));
    assertThat(key.line()).isEqualTo(Files.readString(pub).strip());
    if (type.equals("rsa")) {
      assertThat(key.bits()).isEqualTo(bits);
    }
  }

  @Test
  void keepsACommentWithSpacesAndAcceptsNone() throws Exception {
    String line = Files.readString(SshKeygen.keygen(dir, "ed25519", 0, "")).strip();

    assertThat(SshPublicKeys.parse(line).comment()).isEmpty();
    assertThat(SshPublicKeys.parse(line + " my work key ").comment()).isEqualTo("my work key");
  }

  @Test
  void refusesRsaUnder2048Bits() throws Exception {
    String line = Files.readString(SshKeygen.keygen(dir, "rsa", 1024, "old"));

    BusinessException e = assertThrows(BusinessException.class, () -> SshPublicKeys.parse(line));

    assertThat(e.code()).isEqualTo("ssh-key-weak");
    assertThat(e.getMessage()).contains("1024").contains("2048");
  }

  @Test
  void refusesADeclaredTypeThatDiffersFromTheBlob() throws Exception {
    String[] parts = Files.readString(SshKeygen.keygen(dir, "ed25519", 0, "x")).split(" ");

    BusinessException e =
        assertThrows(BusinessException.class, () -> SshPublicKeys.parse("ssh-rsa " + parts[1]));

    assertThat(e.code()).isEqualTo("ssh-key-malformed");
  }

  @Test
  void refusesUnknownTypes() throws IOException {
    String blob = Base64.getEncoder().encodeToString(blob("ssh-dss", new byte[40]));

    BusinessException e =
        assertThrows(BusinessException.class, () -> SshPublicKeys.parse("ssh-dss " + blob));

    assertThat(e.code()).isEqualTo("ssh-key-type");
  }

  @Test
  void refusesAnEd25519KeyOfTheWrongLength() throws IOException {
    String blob = Base64.getEncoder().encodeToString(blob("ssh-ed25519", new byte[31]));

    assertThrows(BusinessException.class, () -> SshPublicKeys.parse("ssh-ed25519 " + blob));
  }

  @Test
  void refusesMalformedLines() throws Exception {
    String good = Files.readString(SshKeygen.keygen(dir, "ed25519", 0, "c")).strip();
    String[] parts = good.split(" ");
    for (String bad :
        List.of(
            "",
            "   ",
            "ssh-ed25519",
            "ssh-ed25519 not*base64!",
            "ssh-ed25519 " + parts[1].substring(0, 40),
            good + "\n" + good,
            "-----BEGIN OPENSSH PRIVATE KEY-----",
            "ssh-ed25519 " + parts[1] + "AAAA",
            good + " " + "x".repeat(300))) {
      BusinessException e =
          assertThrows(BusinessException.class, () -> SshPublicKeys.parse(bad), bad);
      assertThat(e.kind()).isEqualTo(BusinessException.Kind.INVALID);
    }
    assertThrows(BusinessException.class, () -> SshPublicKeys.parse(null));
  }

  private static byte[] blob(String type, byte[] key) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(type.length());
    out.write(type.getBytes(StandardCharsets.US_ASCII));
    out.writeInt(key.length);
    out.write(key);
    return bytes.toByteArray();
  }
}
