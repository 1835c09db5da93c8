package org.allgo.accounts.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.allgo.accounts.boundary.UserAdministration;
import org.allgo.accounts.entity.AccountView;
import org.allgo.api.Access;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Account administration for superusers (protected: API token of a superuser), through the same
 * service as the admin page.
 */
@Tag(name = "admin")
@Path("v2/admin/users")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class AdminUsersResource {

  @Inject UserAdministration users;

  /** Locks or reactivates an account; not the caller's own. */
  @Extension(name = Access.EXTENSION, value = Access.SUPERUSER)
  @PUT
  @Path("{id: [0-9]{1,18}}/state")
  @Operation(operationId = "changeUserState", summary = "Lock or reactivate an account")
  @APIResponse(
      responseCode = "200",
      description = "The account, changed.",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AccountView")))
  public AccountView changeState(@PathParam("id") long id, Payloads.State body) {
    return users.changeState(id, Payloads.required(body).state());
  }
}
