package org.allgo.ssh.control;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the SSH server's connections to {@link LoginLimits}, beside MINA's own time limit on
 * signing in and its limit of attempts per connection: a new connection is closed at once, before
 * the server says anything, when too many are signing in or its address failed too often; the keys
 * refused to a connection are counted against its address when it ends without signing in.
 */
final class LoginGuard implements SessionListener {

  private static final Logger LOG = LoggerFactory.getLogger(LoginGuard.class);
  private static final AttributeKey<Admission> ADMISSION = new AttributeKey<>();

  private final LoginAttempts attempts;

  LoginGuard(LoginLimits limits, Clock clock) {
    this.attempts = new LoginAttempts(limits, clock);
  }

  /** The authenticator, counting the keys it refuses to each connection. */
  PublickeyAuthenticator counting(PublickeyAuthenticator authenticator) {
    return (username, key, session) -> {
      boolean accepted = authenticator.authenticate(username, key, session);
      Admission admission = session.getAttribute(ADMISSION);
      if (!accepted && admission != null) {
        admission.refusedKeys.incrementAndGet();
      }
      return accepted;
    };
  }

  @Override
  public void sessionCreated(Session session) {
    InetAddress address = address(session.getRemoteAddress());
    String refusal = attempts.admit(address).orElse(null);
    if (refusal != null) {
      LOG.warn("SSH connection from {} refused: {}", address.getHostAddress(), refusal);
      // Thrown from here, the connection is closed before the server's first word.
      throw new IllegalStateException("Connection refused: " + refusal);
    }
    session.setAttribute(ADMISSION, new Admission(address));
  }

  @Override
  public void sessionEvent(Session session, Event event) {
    if (event == Event.Authenticated) {
      Admission admission = session.removeAttribute(ADMISSION);
      if (admission != null) {
        attempts.signedIn(admission.address);
      }
    }
  }

  @Override
  public void sessionClosed(Session session) {
    Admission admission = session.removeAttribute(ADMISSION);
    if (admission != null) {
      attempts.failed(admission.address, admission.refusedKeys.get());
    }
  }

  private static InetAddress address(SocketAddress remote) {
    if (remote instanceof InetSocketAddress socket && socket.getAddress() != null) {
      return socket.getAddress();
    }
    return InetAddress.getLoopbackAddress();
  }

  // A connection counted as signing in, with the keys refused to it so far.
  private record Admission(InetAddress address, AtomicInteger refusedKeys) {
    Admission(InetAddress address) {
      this(address, new AtomicInteger());
    }
  }
}
