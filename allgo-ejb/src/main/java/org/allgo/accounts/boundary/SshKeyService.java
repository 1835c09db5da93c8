package org.allgo.accounts.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.allgo.accounts.control.Callers;
import org.allgo.accounts.control.SshKeyStore;
import org.allgo.accounts.control.SshPublicKeys;
import org.allgo.accounts.entity.PublicKeyLine;
import org.allgo.accounts.entity.SshKey;
import org.allgo.accounts.entity.SshKeyView;
import org.allgo.accounts.entity.User;
import org.allgo.platform.BusinessException;

/** The SSH public keys that let the caller into their sandboxes. */
@Stateless
public class SshKeyService {

  /** Keys one user may register. */
  public static final int MAX_KEYS = 50;

  @Inject Callers callers;

  @Inject SshKeyStore keys;

  public List<SshKeyView> list() {
    return keys.ofUser(caller().id()).stream().map(SshKey::view).toList();
  }

  /** Adds a key given as an OpenSSH public key line; malformed, weak and known keys are refused. */
  public SshKeyView add(String publicKeyLine) {
    User user = caller();
    PublicKeyLine key = SshPublicKeys.parse(publicKeyLine);
    if (keys.findByFingerprint(key.fingerprint()).isPresent()) {
      throw BusinessException.conflict(
          "ssh-key-duplicate", "This key (" + key.fingerprint() + ") is already registered.");
    }
    if (keys.ofUser(user.id()).size() >= MAX_KEYS) {
      throw BusinessException.conflict(
          "ssh-key-limit", "You have " + MAX_KEYS + " keys already: delete one first.");
    }
    return keys.add(new SshKey(user.id(), key, Instant.now())).view();
  }

  public void delete(long keyId) {
    User user = caller();
    SshKey key =
        keys.findById(keyId)
            .filter(k -> k.userId().equals(user.id()))
            .orElseThrow(
                () ->
                    BusinessException.notFound(
                        "ssh-key-not-found", "You have no SSH key " + keyId + "."));
    keys.remove(key);
  }

  private User caller() {
    return callers.require("Sign in (or send your API token) to manage your SSH keys.");
  }
}
