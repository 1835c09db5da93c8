package org.allgo.ssh.control;

import org.allgo.ssh.entity.Login;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs every login (who, with which key, into which webapp, from where) and every refused one. */
final class LoginLog implements SessionListener {

  private static final Logger LOG = LoggerFactory.getLogger(LoginLog.class);

  @Override
  public void sessionEvent(Session session, Event event) {
    if (event != Event.Authenticated) {
      return;
    }
    Login login = session.getAttribute(KeyAuthenticator.LOGIN);
    if (login != null) {
      LOG.info(
          "Login to webapp {} by {} with key {} from {}",
          login.webapp(),
          login.email(),
          login.fingerprint(),
          session.getIoSession().getRemoteAddress());
    }
  }

  @Override
  public void sessionClosed(Session session) {
    if (!session.isAuthenticated() && session.getUsername() != null) {
      LOG.info(
          "Refused login to webapp {} from {}",
          session.getUsername(),
          session.getIoSession().getRemoteAddress());
    }
  }
}
