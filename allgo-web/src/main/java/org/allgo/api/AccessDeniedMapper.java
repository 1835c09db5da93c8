package org.allgo.api;

import jakarta.ejb.EJBAccessException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A service the caller's roles do not allow ({@code @RolesAllowed}): 401 with the challenge for an
 * anonymous caller, else 403.
 */
@Provider
public class AccessDeniedMapper implements ExceptionMapper<EJBAccessException> {

  @Context UriInfo uri;

  @Context SecurityContext security;

  @Override
  public Response toResponse(EJBAccessException e) {
    if (security.getUserPrincipal() == null) {
      return ApiErrors.response(
          uri.getPath(),
          401,
          "token-missing",
          "This needs your API token, as 'Authorization: Bearer <token>'.");
    }
    return ApiErrors.response(
        uri.getPath(), 403, "superuser-only", "Only administrators may do this.");
  }
}
