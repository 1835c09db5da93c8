package org.allgo.itc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.allgo.accounts.entity.Caller;

/**
 * The tests' WAR's authentication: a request is its test's user when {@link Callers} names one,
 * with the user's groups as the application's own mechanism gives them; anonymous otherwise.
 */
@ApplicationScoped
public class TestAuthentication implements HttpAuthenticationMechanism {

  /** The request attribute naming the caller to authenticate. */
  static final String CALLER = TestAuthentication.class.getName() + ".caller";

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    if (request.getAttribute(CALLER) instanceof Caller caller) {
      return context.notifyContainerAboutLogin(caller.email(), caller.groups());
    }
    return context.doNothing();
  }
}
