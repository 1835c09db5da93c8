package org.allgo.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Answers 429 with {@code Retry-After} to a caller over its rate limit (see {@link RateLimits}).
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class RateLimitFilter implements ContainerRequestFilter {

  @Inject RateLimits limits;

  @Context HttpServletRequest http;

  @Override
  public void filter(ContainerRequestContext request) {
    String caller =
        Optional.ofNullable(request.getSecurityContext().getUserPrincipal())
            .map(Principal::getName)
            .orElse("address " + http.getRemoteAddr());
    OptionalLong wait = limits.consume(caller);
    if (wait.isPresent()) {
      Response tooMany =
          ApiErrors.response(
              request.getUriInfo().getPath(),
              429,
              "rate-limited",
              "Too many requests: wait " + wait.getAsLong() + " s before the next one.");
      request.abortWith(
          Response.fromResponse(tooMany).header("Retry-After", wait.getAsLong()).build());
    }
  }
}
