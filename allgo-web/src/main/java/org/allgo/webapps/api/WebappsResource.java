package org.allgo.webapps.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.allgo.api.Access;
import org.allgo.platform.BusinessException;
import org.allgo.webapps.boundary.SandboxService;
import org.allgo.webapps.boundary.VersionService;
import org.allgo.webapps.boundary.WebappService;
import org.allgo.webapps.entity.VersionView;
import org.allgo.webapps.entity.WebappDraft;
import org.allgo.webapps.entity.WebappView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Webapps, their sandbox and their versions. */
@Tag(name = "webapps")
@Path("v2/webapps")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class WebappsResource {

  private static final String NAME = "{name: [a-z0-9][a-z0-9_-]{0,62}}";

  @Inject WebappService webapps;

  @Inject SandboxService sandboxes;

  @Inject VersionService versions;

  @Context UriInfo uri;

  /** Start a sandbox from a base image (by name) or from a ready version (by number). */
  public record SandboxStart(String baseImage, String version) {}

  public record Commit(String number, String description) {}

  public record Pin(String number) {}

  public record Network(boolean allowed) {}

  @Extension(name = Access.EXTENSION, value = Access.PUBLIC)
  @GET
  @Operation(operationId = "listWebapps")
  public List<WebappView> list() {
    return webapps.list();
  }

  @Extension(name = Access.EXTENSION, value = Access.CALLER)
  @POST
  @Operation(operationId = "createWebapp")
  public Response create(WebappDraft draft) {
    WebappView created = webapps.create(required(draft));
    return Response.created(uri.getAbsolutePathBuilder().path(created.dockerName()).build())
        .entity(created)
        .build();
  }

  @Extension(name = Access.EXTENSION, value = Access.PUBLIC)
  @GET
  @Path(NAME)
  @Operation(operationId = "getWebapp")
  public WebappView get(@PathParam("name") String name) {
    return webapps.get(name);
  }

  @Extension(name = Access.EXTENSION, value = Access.OWNER)
  @PATCH
  @Path(NAME)
  @Operation(operationId = "updateWebapp")
  public WebappView update(@PathParam("name") String name, WebappDraft draft) {
    return webapps.update(name, required(draft));
  }

  @Extension(name = Access.EXTENSION, value = Access.OWNER)
  @DELETE
  @Path(NAME)
  @Operation(operationId = "deleteWebapp")
  public Response delete(@PathParam("name") String name) {
    webapps.delete(name);
    return Response.noContent().build();
  }

  @Extension(name = Access.EXTENSION, value = Access.OWNER)
  @POST
  @Path(NAME + "/sandbox/start")
  @Operation(operationId = "startSandbox")
  public WebappView startSandbox(@PathParam("name") String name, SandboxStart start) {
    SandboxStart from = start == null ? new SandboxStart(null, null) : start;
    return sandboxes.start(name, from.baseImage(), from.version());
  }

  @Extension(name = Access.EXTENSION, value = Access.OWNER)
  @POST
  @Path(NAME + "/sandbox/stop")
  @Operation(operationId = "stopSandbox")
  public WebappView stopSandbox(@PathParam("name") String name) {
    return sandboxes.stop(name);
  }

  @Extension(name = Access.EXTENSION, value = Access.PUBLIC)
  @GET
  @Path(NAME + "/versions")
  @Operation(operationId = "listVersions")
  public List<VersionView> versions(@PathParam("name") String name) {
    return versions.list(name);
  }

  /** Commits the running sandbox; the version is READY when its batch job has ended well. */
  @Extension(name = Access.EXTENSION, value = Access.OWNER)
  @POST
  @Path(NAME + "/versions")
  @Operation(operationId = "commitVersion")
  public Response commit(@PathParam("name") String name, Commit commit) {
    Commit body = commit == null ? new Commit(null, null) : commit;
    VersionView version = versions.commit(name, body.number(), body.description());
    return Response.accepted(version)
        .location(uri.getAbsolutePathBuilder().path(Long.toString(version.id())).build())
        .build();
  }

  @Extension(name = Access.EXTENSION, value = Access.PUBLIC)
  @GET
  @Path(NAME + "/versions/{id: [0-9]{1,18}}")
  @Operation(operationId = "getVersion")
  public VersionView version(@PathParam("name") String name, @PathParam("id") long id) {
    return versions.get(name, id);
  }

  @Extension(name = Access.EXTENSION, value = Access.OWNER)
  @PUT
  @Path(NAME + "/pinned-version")
  @Operation(operationId = "pinVersion")
  public WebappView pin(@PathParam("name") String name, Pin pin) {
    return versions.pin(name, required(pin).number());
  }

  @Extension(name = Access.EXTENSION, value = Access.SUPERUSER)
  @PUT
  @Path(NAME + "/network")
  @Operation(operationId = "setNetwork")
  public WebappView network(@PathParam("name") String name, Network network) {
    return webapps.allowNetwork(name, required(network).allowed());
  }

  static <T> T required(T body) {
    if (body == null) {
      throw BusinessException.invalid("body-missing", "This request needs a JSON body.");
    }
    return body;
  }
}
