package org.allgo.itc.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import org.allgo.accounts.boundary.SshKeyService;
import org.allgo.accounts.entity.SshKeyView;
import org.allgo.itc.Callers;
import org.allgo.itc.TestDeployment;
import org.allgo.itc.TestUser;
import org.allgo.itc.TestUsers;
import org.allgo.platform.BusinessException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The SSH key boundary inside the server: keys are their owner's, each registered once. */
@ExtendWith(ArquillianExtension.class)
class SshKeyServiceIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return TestDeployment.create();
  }

  @Inject SshKeyService keys;

  @Inject TestUsers users;

  @Inject Callers callers;

  @Test
  void aKeyIsListedWithItsFingerprintUntilItsOwnerDeletesIt() {
    TestUser owner = users.active("keys");
    String line = ed25519("laptop");

    SshKeyView added = callers.asCaller(owner, () -> keys.add(line));

    assertThat(added.type()).isEqualTo("ssh-ed25519");
    assertThat(added.fingerprint()).startsWith("SHA256:");
    assertThat(added.comment()).isEqualTo("laptop");
    assertThat(callers.asCaller(owner, () -> keys.list()))
        .extracting(SshKeyView::fingerprint)
        .containsExactly(added.fingerprint());
    callers.asCaller(owner, () -> keys.delete(added.id()));
    assertThat(callers.asCaller(owner, () -> keys.list())).isEmpty();
  }

  @Test
  void aKeyBelongsToOneUserOnly() {
    TestUser owner = users.active("first");
    TestUser other = users.active("second");
    String line = ed25519("shared");
    callers.asCaller(owner, () -> keys.add(line));

    BusinessException refused =
        assertThrows(BusinessException.class, () -> callers.asCaller(other, () -> keys.add(line)));

    assertThat(refused.code()).isEqualTo("ssh-key-duplicate");
    assertThat(callers.asCaller(other, () -> keys.list())).isEmpty();
  }

  @Test
  void anotherUsersKeyCannotBeDeleted() {
    TestUser owner = users.active("holder");
    TestUser other = users.active("intruder");
    SshKeyView key = callers.asCaller(owner, () -> keys.add(ed25519("mine")));

    BusinessException refused =
        assertThrows(
            BusinessException.class, () -> callers.asCaller(other, () -> keys.delete(key.id())));

    assertThat(refused.kind()).isEqualTo(BusinessException.Kind.NOT_FOUND);
    assertThat(callers.asCaller(owner, () -> keys.list()))
        .extracting(SshKeyView::id)
        .containsExactly(key.id());
  }

  @Test
  void aMalformedKeyIsRefusedAndNothingIsStored() {
    TestUser owner = users.active("malformed");

    BusinessException refused =
        assertThrows(
            BusinessException.class,
            () -> callers.asCaller(owner, () -> keys.add("ssh-ed25519 AAAA%%% x")));

    assertThat(refused.kind()).isEqualTo(BusinessException.Kind.INVALID);
    assertThat(callers.asCaller(owner, () -> keys.list())).isEmpty();
  }

  /** A new ed25519 public key as an OpenSSH line: type, base64 of the wire encoding, comment. */
  private static String ed25519(String comment) {
    try {
      byte[] x509 =
          KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded();
      // The X.509 encoding ends with the 32 bytes of the key itself.
      byte[] key = Arrays.copyOfRange(x509, x509.length - 32, x509.length);
      ByteArrayOutputStream blob = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(blob)) {
        byte[] type = "ssh-ed25519".getBytes(StandardCharsets.US_ASCII);
        out.writeInt(type.length);
        out.write(type);
        out.writeInt(key.length);
        out.write(key);
      }
      return "ssh-ed25519 "
          + Base64.getEncoder().encodeToString(blob.toByteArray())
          + " "
          + comment;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("Cannot make an ed25519 key", e);
    }
  }
}
