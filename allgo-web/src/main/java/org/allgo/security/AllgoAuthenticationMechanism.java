package org.allgo.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.allgo.accounts.boundary.AccountService;
import org.allgo.accounts.boundary.CallerScope;
import org.allgo.accounts.entity.Caller;
import org.allgo.accounts.entity.Role;
import org.allgo.api.ApiErrors;
import org.allgo.api.DatabaseOutage;

/**
 * The one authentication mechanism of allgo, asked about every request:
 *
 * <ul>
 *   <li>under {@code /api/}: an {@code Authorization} header with the API token ({@code Bearer} or
 *       {@code Token token=}), checked against its hash; a bad or missing token on a protected path
 *       is a 401 with a JSON body. The API ignores the session cookie. Downloads of job files under
 *       {@code /datastore/} take the same header, or else the session.
 *   <li>elsewhere: a sign-in from the form ({@code SecurityContext.authenticate} with the
 *       credential) goes through the identity store, changes the session id and keeps the user id
 *       in the session; later requests are signed in from the session while the account stays
 *       active; a protected page without a user redirects to {@code /users/sign_in}, with the page
 *       (path and query) to go back to as {@code next}.
 * </ul>
 */
@ApplicationScoped
public class AllgoAuthenticationMechanism implements HttpAuthenticationMechanism {

  static final String SIGN_IN = "/users/sign_in";

  // The administration API: superusers only (web.xml's constraint says so too).
  private static final String ADMIN_API = "/api/v2/admin/";

  @Inject IdentityStoreHandler identityStores;

  @Inject AccountService accounts;

  @Inject CallerScope callers;

  @Inject SignInOutcome signInOutcome;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    // Job files answer to API tokens too, as the original clients download them.
    if (path.startsWith("/api/")
        || path.startsWith("/datastore/")
            && AuthorizationHeader.present(request.getHeader("Authorization"))) {
      return api(path, request, response, context);
    }
    Credential credential = context.getAuthParameters().getCredential();
    if (credential != null) {
      return signIn(credential, request, context);
    }
    Optional<Caller> caller = sessionCaller(request);
    if (caller.isPresent()) {
      return loggedIn(caller.get(), context);
    }
    if (context.isProtected()) {
      return context.redirect(
          request.getContextPath()
              + SIGN_IN
              + "?next="
              + URLEncoder.encode(returnPath(path, request), StandardCharsets.UTF_8));
    }
    return context.doNothing();
  }

  // The page asked for with its parameters (/webapps/manage?name=…), for sign-in to go back to.
  private static String returnPath(String path, HttpServletRequest request) {
    String query = request.getQueryString();
    return query == null || !"GET".equals(request.getMethod()) ? path : path + "?" + query;
  }

  @Override
  public void cleanSubject(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    SignedInSessions.clear(request.getSession(false));
    HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
  }

  private AuthenticationStatus api(
      String path,
      HttpServletRequest request,
      HttpServletResponse response,
      HttpMessageContext context) {
    String header = request.getHeader("Authorization");
    if (AuthorizationHeader.present(header)) {
      Optional<String> token = AuthorizationHeader.token(header);
      if (token.isEmpty()) {
        return unauthorized(
            response,
            path,
            "auth-scheme-unsupported",
            "Send the API token as 'Authorization: Bearer <token>'"
                + " or 'Authorization: Token token=<token>'.");
      }
      Optional<Caller> caller;
      try {
        caller = accounts.findCallerByToken(token.get());
      } catch (RuntimeException e) {
        if (!DatabaseOutage.causes(e)) {
          throw e;
        }
        return unavailable(response, path);
      }
      if (caller.isEmpty()) {
        return unauthorized(
            response,
            path,
            "token-invalid",
            "This API token is not valid: it may have been replaced by a new one.");
      }
      if (path.startsWith(ADMIN_API) && !caller.get().groups().contains(Role.SUPERUSER_ROLE)) {
        // Refused here, as the API answers, before the web constraint would: the container's
        // refusal is an error page, which cannot even answer a PATCH or a DELETE.
        return forbidden(response, path);
      }
      return loggedIn(caller.get(), context);
    }
    if (context.isProtected()) {
      return unauthorized(
          response,
          path,
          "token-missing",
          "This needs your API token, from your account page, as 'Authorization: Bearer <token>'.");
    }
    return context.doNothing();
  }

  private AuthenticationStatus signIn(
      Credential credential, HttpServletRequest request, HttpMessageContext context) {
    CredentialValidationResult result = identityStores.validate(credential);
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      return AuthenticationStatus.SEND_FAILURE;
    }
    // A new session id at sign-in: an id planted before it is worth nothing after.
    if (request.getSession(false) != null) {
      request.changeSessionId();
    }
    Caller caller = signInOutcome.caller().orElseThrow();
    SignedInSessions.store(request.getSession(true), caller);
    callers.enter(caller);
    return context.notifyContainerAboutLogin(result);
  }

  private Optional<Caller> sessionCaller(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Optional<Caller> caller =
        SignedInSessions.read(session)
            .flatMap(user -> accounts.findActiveCaller(user.id(), user.credentialsVersion()));
    if (caller.isEmpty()) {
      SignedInSessions.clear(session);
    }
    return caller;
  }

  private AuthenticationStatus loggedIn(Caller caller, HttpMessageContext context) {
    callers.enter(caller);
    return context.notifyContainerAboutLogin(caller.email(), caller.groups());
  }

  // The database does not answer: the token cannot be checked, nothing was done.
  private static AuthenticationStatus unavailable(HttpServletResponse response, String path) {
    try {
      ApiErrors.writeUnavailable(response, path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return AuthenticationStatus.SEND_CONTINUE;
  }

  private static AuthenticationStatus forbidden(HttpServletResponse response, String path) {
    return refused(
        response, path, 403, "superuser-only", "Only a superuser may call the administration API.");
  }

  private static AuthenticationStatus unauthorized(
      HttpServletResponse response, String path, String code, String message) {
    response.setHeader("WWW-Authenticate", ApiErrors.CHALLENGE);
    return refused(response, path, 401, code, message);
  }

  // The response is written here: SEND_CONTINUE tells the container to send it as it is.
  private static AuthenticationStatus refused(
      HttpServletResponse response, String path, int status, String code, String message) {
    try {
      ApiErrors.write(response, path, status, code, message);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return AuthenticationStatus.SEND_CONTINUE;
  }
}
