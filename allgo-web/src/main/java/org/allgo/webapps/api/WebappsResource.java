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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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

  @Extension(name = Access.EXTENSION, value = Access.PUBLIC)
  @GET
  @Operation(operationId = "listWebapps", summary = "The webapps the caller may see")
  @APIResponse(
      responseCode = "200",
      description = "The webapps.",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebappView[]")))
  public List<WebappView> list() {
    return webapps.list();
  }

  @Extension(name = Access.EXTENSION, value = Access.CALLER)
  @POST
  @Operation(operationId = "createWebapp", summary = "Publish a new webapp")
  @APIResponse(
      responseCode = "201",
      description = "The webapp; Location names it.",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebappView")))
  @APIResponse(responseCode = "409", description = "A webapp has this name.")
  @RequestBody(
      required = true,
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebappDraft")))
  public Response create(WebappDraft draft) {
    WebappView created = webapps.create(required(draft));
    return Response.created(uri.getAbsolutePathBuilder().path(created.dockerName()).build())
        .entity(created)
        .build();
  }

  @Extension(name = Access.EXTENSION, value = Access.PUBLIC)
  @GET
  @Path(NAME)
  @Operation(operationId = "getWebapp", summary = "A webapp")
  @APIResponse(
      responseCode = "200",
      description = "The webapp.",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebappView")))
  public WebappView get(@PathParam("name") String name) {
    return webapps.get(name);
  }

  @Extension(name = Access.EXTENSION, value = Access.OWNER)
  @PATCH
  @Path(NAME)
  @Operation(operationId = "updateWebapp", summary = "Change a webapp's settings")
  @APIResponse(
      responseCode = "200",
      description = "The webapp, changed.",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebappView")))
  @RequestBody(
      required = true,
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebappDraft")))
  public WebappView update(@PathParam("name") String name, WebappDraft draft) {
    return webapps.update(name, required(draft));
  }

  @Extension(name = Access.EXTENSION, value = Access.OWNER)
  @DELETE
  @Path(NAME)
  @Operation(operationId = "deleteWebapp", summary = "Delete a webapp, its sandbox and versions")
  @APIResponse(responseCode = "204", description = "The webapp is gone.")
  @APIResponse(responseCode = "409", description = "The webapp has jobs waiting or running.")
  public Response delete(@PathParam("name") String name) {
    webapps.delete(name);
    return Response.noContent().build();
  }

  @Extension(name = Access.EXTENSION, value = Access.OWNER)
  @POST
  @Path(NAME + "/sandbox/start")
  @Operation(
      operationId = "startSandbox",
      summary = "Start the sandbox from a base image or a version")
  @APIResponse(
      responseCode = "200",
      description = "The webapp, its sandbox running.",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebappView")))
  @APIResponse(
      responseCode = "409",
      description = "The sandbox runs already, or the version is not ready.")
  public WebappView startSandbox(
      @PathParam("name") String name, WebappPayloads.SandboxStart start) {
    WebappPayloads.SandboxStart from =
        start == null ? new WebappPayloads.SandboxStart(null, null) : start;
    return sandboxes.start(name, from.baseImage(), from.version());
  }

  @Extension(name = Access.EXTENSION, value = Access.OWNER)
  @POST
  @Path(NAME + "/sandbox/stop")
  @Operation(operationId = "stopSandbox", summary = "Stop the webapp's sandbox")
  @APIResponse(
      responseCode = "200",
      description = "The webapp, its sandbox stopped.",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebappView")))
  public WebappView stopSandbox(@PathParam("name") String name) {
    return sandboxes.stop(name);
  }

  @Extension(name = Access.EXTENSION, value = Access.PUBLIC)
  @GET
  @Path(NAME + "/versions")
  @Operation(operationId = "listVersions", summary = "A webapp's versions, newest first")
  @APIResponse(
      responseCode = "200",
      description = "The versions.",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "VersionView[]")))
  public List<VersionView> versions(@PathParam("name") String name) {
    return versions.list(name);
  }

  @Extension(name = Access.EXTENSION, value = Access.OWNER)
  @POST
  @Path(NAME + "/versions")
  @Operation(
      operationId = "commitVersion",
      summary = "Commit the running sandbox as a new version, READY when its batch job ends well")
  @APIResponse(
      responseCode = "202",
      description =
          "The version, being committed (the commit-version batch job); Location names it.",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "VersionView")))
  @APIResponse(
      responseCode = "409",
      description = "The sandbox does not run, or a version has this number.")
  public Response commit(@PathParam("name") String name, WebappPayloads.Commit commit) {
    WebappPayloads.Commit body = commit == null ? new WebappPayloads.Commit(null, null) : commit;
    VersionView version = versions.commit(name, body.number(), body.description());
    return Response.accepted(version)
        .location(uri.getAbsolutePathBuilder().path(Long.toString(version.id())).build())
        .build();
  }

  @Extension(name = Access.EXTENSION, value = Access.PUBLIC)
  @GET
  @Path(NAME + "/versions/{id: [0-9]{1,18}}")
  @Operation(operationId = "getVersion", summary = "A version of a webapp")
  @APIResponse(
      responseCode = "200",
      description = "The version.",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "VersionView")))
  public VersionView version(@PathParam("name") String name, @PathParam("id") long id) {
    return versions.get(name, id);
  }

  @Extension(name = Access.EXTENSION, value = Access.OWNER)
  @PUT
  @Path(NAME + "/pinned-version")
  @Operation(
      operationId = "pinVersion",
      summary = "Choose the version jobs run (null: newest ready)")
  @APIResponse(
      responseCode = "200",
      description = "The webapp, changed.",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebappView")))
  @APIResponse(responseCode = "409", description = "The version is not ready.")
  public WebappView pin(@PathParam("name") String name, WebappPayloads.Pin pin) {
    return versions.pin(name, required(pin).number());
  }

  @Extension(name = Access.EXTENSION, value = Access.SUPERUSER)
  @PUT
  @Path(NAME + "/network")
  @Operation(operationId = "setNetwork", summary = "Let the sandbox and jobs reach the network")
  @APIResponse(
      responseCode = "200",
      description = "The webapp, changed.",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebappView")))
  public WebappView network(@PathParam("name") String name, WebappPayloads.Network network) {
    return webapps.allowNetwork(name, required(network).allowed());
  }

  static <T> T required(T body) {
    if (body == null) {
      throw BusinessException.invalid("body-missing", "This request needs a JSON body.");
    }
    return body;
  }
}
