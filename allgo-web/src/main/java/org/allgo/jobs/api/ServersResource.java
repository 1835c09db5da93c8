package org.allgo.jobs.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.allgo.api.Access;
import org.allgo.dispatch.boundary.ServerService;
import org.allgo.dispatch.entity.AppServer;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The application servers sharing the database, for superusers. */
@Tag(name = "admin")
@Path("v2/admin/servers")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class ServersResource {

  @Inject ServerService servers;

  @Extension(name = Access.EXTENSION, value = Access.SUPERUSER)
  @GET
  @Operation(
      operationId = "listServers",
      summary = "The application servers sharing the database",
      description =
          "Every server that held a lease: when it started and was last seen, whether it is"
              + " alive (seen within the lease), and the running jobs it follows. The running jobs"
              + " of a server gone are taken over by a live one.")
  @APIResponse(
      responseCode = "200",
      description = "The servers, by name.",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AppServer[]")))
  public List<AppServer> list() {
    return servers.list();
  }
}
