package org.allgo.webapps.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.allgo.api.Access;
import org.allgo.webapps.boundary.BaseImageService;
import org.allgo.webapps.entity.BaseImageView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The base images sandboxes start from; superusers add and remove them. */
@Tag(name = "base-images")
@Path("v2/base-images")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class BaseImagesResource {

  @Inject BaseImageService images;

  public record NewBaseImage(String name, String image) {}

  @Extension(name = Access.EXTENSION, value = Access.PUBLIC)
  @GET
  @Operation(operationId = "listBaseImages", summary = "The base images sandboxes start from")
  @APIResponse(
      responseCode = "200",
      description = "The base images.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "BaseImageView[]")))
  public List<BaseImageView> list() {
    return images.list();
  }

  @Extension(name = Access.EXTENSION, value = Access.SUPERUSER)
  @POST
  @Operation(operationId = "addBaseImage", summary = "Add a base image")
  @APIResponse(
      responseCode = "201",
      description = "The base image.",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "BaseImageView")))
  @APIResponse(responseCode = "409", description = "A base image has this name.")
  public Response add(NewBaseImage body) {
    NewBaseImage image = WebappsResource.required(body);
    return Response.status(Response.Status.CREATED)
        .entity(images.add(image.name(), image.image()))
        .build();
  }

  @Extension(name = Access.EXTENSION, value = Access.SUPERUSER)
  @DELETE
  @Path("{name}")
  @Operation(operationId = "removeBaseImage", summary = "Remove a base image")
  @APIResponse(responseCode = "204", description = "The base image is removed.")
  public Response remove(@PathParam("name") String name) {
    images.remove(name);
    return Response.noContent().build();
  }
}
