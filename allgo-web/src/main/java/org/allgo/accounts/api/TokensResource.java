package org.allgo.accounts.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.allgo.accounts.boundary.AccountService;
import org.allgo.accounts.boundary.CallerScope;
import org.allgo.accounts.entity.LoginResult;
import org.allgo.api.Access;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * API tokens for clients that know the user's password: signs in (throttled like the form) and
 * replaces the account's token, returned this once.
 */
@Tag(name = "tokens")
@Path("v2/tokens")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class TokensResource {

  @Inject AccountService accounts;

  @Inject CallerScope callers;

  @Extension(name = Access.EXTENSION, value = Access.PUBLIC)
  @POST
  @Operation(
      operationId = "issueToken",
      summary = "Sign in and get a new API token",
      description =
          "Replaces the account's token. Failed sign-ins are counted per account and address: five,"
              + " then a wait.")
  @APIResponse(
      responseCode = "201",
      description = "The new token, shown this once.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Token")))
  @APIResponse(
      responseCode = "401",
      description = "The e-mail or password is wrong (code bad-credentials).")
  public Response issue(Payloads.Credentials body, @Context HttpServletRequest request) {
    Payloads.Credentials credentials = Payloads.required(body);
    // Two transactions: the failure count of a refused sign-in must be committed.
    LoginResult result =
        accounts.authenticate(credentials.email(), credentials.password(), request.getRemoteAddr());
    if (result instanceof LoginResult.Failure failure) {
      throw failure.exception();
    }
    // The request is now the caller's: signed in with the credentials it carries.
    callers.enter(((LoginResult.Success) result).caller());
    return Response.status(Response.Status.CREATED)
        .entity(new Payloads.Token(accounts.regenerateApiToken()))
        .build();
  }
}
