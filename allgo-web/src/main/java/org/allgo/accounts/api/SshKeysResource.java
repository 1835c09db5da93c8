package org.allgo.accounts.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.allgo.accounts.boundary.SshKeyService;
import org.allgo.accounts.entity.SshKeyView;
import org.allgo.api.Access;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's SSH public keys (protected: API token). A key is added as JSON {@code {"key":
 * "<line>"}} or as the {@code .pub} line in plain text.
 */
@Tag(name = "ssh-keys")
@Path("v2/account/ssh-keys")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class SshKeysResource {

  @Inject SshKeyService keys;

  @Context UriInfo uri;

  @Extension(name = Access.EXTENSION, value = Access.CALLER)
  @GET
  @Operation(operationId = "listSshKeys", summary = "The caller's SSH public keys")
  @APIResponse(
      responseCode = "200",
      description = "The keys.",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SshKeyView[]")))
  public List<SshKeyView> list() {
    return keys.list();
  }

  // One operation for both bodies: the OpenAPI document keeps one per path and method, the last
  // read, in declaration order. This one is read first and hidden (Payara then has no operation
  // for an x-allgo-access extension here: the caller is the one below's); the next declares both.
  @POST
  @Consumes(MediaType.TEXT_PLAIN)
  @Operation(hidden = true)
  public Response addLine(String line) {
    return added(keys.add(line));
  }

  @Extension(name = Access.EXTENSION, value = Access.CALLER)
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "addSshKey",
      summary = "Add an SSH public key",
      description = "As JSON {\"key\": \"<line>\"}, or the .pub file's line in plain text.")
  @RequestBody(
      required = true,
      content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "NewSshKey")),
        @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING))
      })
  @APIResponse(
      responseCode = "201",
      description = "The key; Location names it.",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SshKeyView")))
  @APIResponse(responseCode = "409", description = "The caller has this key already.")
  public Response add(Payloads.NewSshKey body) {
    return added(keys.add(Payloads.required(body).key()));
  }

  @Extension(name = Access.EXTENSION, value = Access.SELF)
  @DELETE
  @Path("{id: [0-9]{1,18}}")
  @Operation(operationId = "deleteSshKey", summary = "Remove one of the caller's SSH keys")
  @APIResponse(responseCode = "204", description = "The key is removed.")
  public Response delete(@PathParam("id") long id) {
    keys.delete(id);
    return Response.noContent().build();
  }

  private Response added(SshKeyView key) {
    return Response.created(uri.getAbsolutePathBuilder().path(key.id().toString()).build())
        .entity(key)
        .build();
  }
}
