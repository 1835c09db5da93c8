package org.allgo.accounts.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.allgo.accounts.boundary.AccountService;
import org.allgo.accounts.entity.AccountView;
import org.allgo.api.Access;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own account (protected: API token). */
@Tag(name = "account")
@Path("v2/account")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class AccountResource {

  @Inject AccountService accounts;

  /** Who am I. */
  @Extension(name = Access.EXTENSION, value = Access.CALLER)
  @GET
  @Operation(operationId = "getAccount", summary = "The caller's account")
  @APIResponse(
      responseCode = "200",
      description = "The account.",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AccountView")))
  public AccountView get() {
    return accounts.getAccount();
  }

  @Extension(name = Access.EXTENSION, value = Access.CALLER)
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "updateAccount", summary = "Change the caller's name or job mail choice")
  @APIResponse(
      responseCode = "200",
      description = "The account, changed.",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AccountView")))
  public AccountView update(Payloads.Profile body) {
    Payloads.Profile profile = Payloads.required(body);
    boolean notify =
        profile.notifyJobFinished() != null
            ? profile.notifyJobFinished()
            : accounts.getAccount().notifyJobFinished();
    return accounts.updateProfile(profile.name(), notify, profile.notifyAfterSeconds());
  }

  /** Replaces the API token; the one used for this request stops working at once. */
  @Extension(name = Access.EXTENSION, value = Access.CALLER)
  @POST
  @Path("token")
  @Operation(
      operationId = "regenerateAccountToken",
      summary = "Replace the caller's API token",
      description = "The token of this request stops working at once.")
  @APIResponse(
      responseCode = "201",
      description = "The new token, shown this once.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Token")))
  public Response regenerateToken() {
    return Response.status(Response.Status.CREATED)
        .entity(new Payloads.Token(accounts.regenerateApiToken()))
        .build();
  }
}
