package org.allgo.security;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Optional;
import org.allgo.accounts.entity.Caller;

/**
 * What a signed-in session keeps: the user's id and the version of the credentials they signed in
 * with. A password set since (on another session, or by a reset link) ends the session.
 */
public final class SignedInSessions {

  static final String ATTRIBUTE = "org.allgo.security.user";

  /** The user of a session and the credentials' version at sign-in. */
  record SessionUser(long id, int credentialsVersion) implements Serializable {}

  private SignedInSessions() {}

  /** The session is {@code caller}'s, with the credentials they have now. */
  public static void store(HttpSession session, Caller caller) {
    session.setAttribute(ATTRIBUTE, new SessionUser(caller.id(), caller.credentialsVersion()));
  }

  static Optional<SessionUser> read(HttpSession session) {
    return session != null && session.getAttribute(ATTRIBUTE) instanceof SessionUser user
        ? Optional.of(user)
        : Optional.empty();
  }

  static void clear(HttpSession session) {
    if (session != null) {
      session.removeAttribute(ATTRIBUTE);
    }
  }
}
