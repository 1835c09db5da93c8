package org.allgo.ssh.control;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;
import org.allgo.ssh.entity.AuthorizedKey;
import org.allgo.ssh.entity.Login;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts a key when the database lists it for the login name (a webapp's docker name); records the
 * matching account on the session as {@link #LOGIN}.
 */
public final class KeyAuthenticator implements PublickeyAuthenticator {

  /** The login a session was authenticated as. */
  public static final AttributeKey<Login> LOGIN = new AttributeKey<>();

  // The docker names the web application accepts; anything else cannot be a webapp.
  private static final Pattern DOCKER_NAME =
      Pattern.compile("[a-z0-9](?:[a-z0-9]|[_-](?=[a-z0-9])){1,62}");
  private static final Logger LOG = LoggerFactory.getLogger(KeyAuthenticator.class);

  private final SshKeyStore keys;

  public KeyAuthenticator(SshKeyStore keys) {
    this.keys = keys;
  }

  @Override
  public boolean authenticate(String username, PublicKey key, ServerSession session) {
    if (!DOCKER_NAME.matcher(username).matches()) {
      return false;
    }
    List<AuthorizedKey> accepted;
    try {
      accepted = keys.acceptedKeys(username);
    } catch (SQLException e) {
      LOG.error("Cannot read the SSH keys of webapp {}: {}", username, e.toString());
      return false;
    }
    for (AuthorizedKey candidate : accepted) {
      if (matches(candidate, key, session)) {
        session.setAttribute(
            LOGIN, new Login(username, candidate.email(), candidate.fingerprint()));
        return true;
      }
    }
    LOG.debug("Key {} is not accepted for webapp {}", KeyUtils.getFingerPrint(key), username);
    return false;
  }

  private static boolean matches(AuthorizedKey candidate, PublicKey key, ServerSession session) {
    try {
      PublicKey known =
          AuthorizedKeyEntry.parseAuthorizedKeyEntry(candidate.publicKey())
              .resolvePublicKey(session, PublicKeyEntryResolver.IGNORING);
      return known != null && KeyUtils.compareKeys(known, key);
    } catch (IllegalArgumentException | IOException | GeneralSecurityException e) {
      LOG.warn(
          "Unreadable SSH key {} of {}: {}",
          candidate.fingerprint(),
          candidate.email(),
          e.toString());
      return false;
    }
  }
}
