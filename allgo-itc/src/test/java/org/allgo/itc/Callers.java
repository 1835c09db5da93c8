package org.allgo.itc;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.allgo.accounts.boundary.CallerScope;

/**
 * Runs a test's calls as one of its users, as the server runs a signed-in request: the container
 * authenticates the test's request as the user ({@link TestAuthentication}), so that {@code
 * RolesAllowed} sees their groups, and the request's caller is named in {@link CallerScope}, where
 * the services read it. The user is signed out when the call returns.
 */
@Dependent
public class Callers {

  @Inject CallerScope scope;

  @Inject SecurityContext security;

  @Inject HttpServletRequest request;

  /** What {@code call} returns when {@code user} makes it. */
  public <T> T asCaller(TestUser user, Supplier<T> call) {
    AtomicReference<T> result = new AtomicReference<>();
    asCaller(user, () -> result.set(call.get()));
    return result.get();
  }

  /** Makes {@code call} as {@code user}. */
  public void asCaller(TestUser user, Runnable call) {
    signIn(user);
    try {
      scope.run(user.caller(), call);
    } finally {
      signOut();
    }
  }

  private void signIn(TestUser user) {
    request.setAttribute(TestAuthentication.CALLER, user.caller());
    HttpServletResponse response =
        (HttpServletResponse) request.getAttribute(TestExchange.RESPONSE);
    AuthenticationStatus status =
        security.authenticate(request, response, AuthenticationParameters.withParams());
    if (status != AuthenticationStatus.SUCCESS) {
      throw new IllegalStateException(user.email() + " could not be signed in: " + status);
    }
  }

  private void signOut() {
    request.removeAttribute(TestAuthentication.CALLER);
    try {
      request.logout();
    } catch (ServletException e) {
      throw new IllegalStateException("The test's caller could not be signed out", e);
    }
  }
}
