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
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
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
  @Operation(operationId = "listSshKeys")
  public List<SshKeyView> list() {
    return keys.list();
  }

  @Extension(name = Access.EXTENSION, value = Access.CALLER)
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "addSshKey")
  public Response add(Payloads.NewSshKey body) {
    return added(keys.add(Payloads.required(body).key()));
  }

  @Extension(name = Access.EXTENSION, value = Access.CALLER)
  @POST
  @Consumes(MediaType.TEXT_PLAIN)
  @Operation(operationId = "addSshKey")
  public Response addLine(String line) {
    return added(keys.add(line));
  }

  @Extension(name = Access.EXTENSION, value = Access.SELF)
  @DELETE
  @Path("{id: [0-9]{1,18}}")
  @Operation(operationId = "deleteSshKey")
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
