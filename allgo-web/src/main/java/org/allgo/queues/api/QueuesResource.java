package org.allgo.queues.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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
import org.allgo.queues.boundary.QueueService;
import org.allgo.queues.entity.QueueDraft;
import org.allgo.queues.entity.QueueView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Job queues: listed for everyone, created and changed by superusers. */
@Tag(name = "queues")
@Path("v2/queues")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class QueuesResource {

  private static final String NAME = "{name: [a-z0-9][a-z0-9_-]{0,63}}";

  @Inject QueueService queues;

  @Context UriInfo uri;

  @Extension(name = Access.EXTENSION, value = Access.PUBLIC)
  @GET
  @Operation(operationId = "listQueues", summary = "The job queues")
  @APIResponse(
      responseCode = "200",
      description = "The queues.",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "QueueView[]")))
  public List<QueueView> list() {
    return queues.list();
  }

  @Extension(name = Access.EXTENSION, value = Access.PUBLIC)
  @GET
  @Path(NAME)
  @Operation(operationId = "getQueue", summary = "A job queue")
  @APIResponse(
      responseCode = "200",
      description = "The queue.",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "QueueView")))
  public QueueView get(@PathParam("name") String name) {
    return queues.get(name);
  }

  @Extension(name = Access.EXTENSION, value = Access.SUPERUSER)
  @POST
  @Operation(operationId = "createQueue", summary = "Create a job queue")
  @APIResponse(
      responseCode = "201",
      description = "The queue; Location names it.",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "QueueView")))
  @APIResponse(responseCode = "409", description = "A queue has this name.")
  @RequestBody(
      required = true,
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "QueueDraft")))
  public Response create(QueueDraft draft) {
    QueueView created = queues.create(required(draft));
    return Response.created(uri.getAbsolutePathBuilder().path(created.name()).build())
        .entity(created)
        .build();
  }

  @Extension(name = Access.EXTENSION, value = Access.SUPERUSER)
  @PATCH
  @Path(NAME)
  @Operation(operationId = "updateQueue", summary = "Change a job queue")
  @APIResponse(
      responseCode = "200",
      description = "The queue, changed.",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "QueueView")))
  @RequestBody(
      required = true,
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "QueueDraft")))
  public QueueView update(@PathParam("name") String name, QueueDraft draft) {
    return queues.update(name, required(draft));
  }

  private static QueueDraft required(QueueDraft draft) {
    if (draft == null) {
      throw BusinessException.invalid("body-missing", "This request needs a JSON body.");
    }
    return draft;
  }
}
