package org.allgo.jobs.api;

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
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.allgo.api.Access;
import org.allgo.platform.BusinessException;
import org.allgo.submission.boundary.UploadService;
import org.allgo.submission.entity.Upload;
import org.allgo.submission.entity.UploadView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Files uploaded ahead of a job, one per request (multipart, one file part), then named by id in a
 * JSON job submission ({@code POST /api/v2/jobs}). They are the caller's and expire after a few
 * hours.
 */
@Tag(name = "uploads")
@Path("v2/uploads")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class UploadsResource {

  private static final String ID = "{id: [0-9a-f]{32}}";

  @Inject UploadService uploads;

  @Context UriInfo uri;

  /** The multipart form of an upload, for the OpenAPI document. */
  public record UploadForm(@Schema(description = "The file.") byte[] file) {}

  @Extension(name = Access.EXTENSION, value = Access.CALLER)
  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      operationId = "addUpload",
      summary = "Upload a file for a job to come",
      description =
          "A multipart form with one file. The answer's id names the file in a JSON job submission before"
              + " expiresAt.")
  @APIResponse(
      responseCode = "201",
      description = "The upload; Location names it.",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UploadView")))
  @APIResponse(responseCode = "409", description = "Too many of the caller's files wait for a job.")
  @APIResponse(
      responseCode = "413",
      description = "The file, or the caller's waiting files together, are too large.")
  public Response add(List<EntityPart> parts) {
    List<Upload> files = JobForm.read(parts).uploads();
    if (files.size() != 1) {
      throw BusinessException.invalid(
          "one-file",
          "Send one file per upload (a multipart part with a file name); this"
              + " request has "
              + files.size()
              + ".");
    }
    UploadView upload = uploads.add(files.get(0));
    return Response.created(uri.getAbsolutePathBuilder().path(upload.id()).build())
        .entity(upload)
        .build();
  }

  @Extension(name = Access.EXTENSION, value = Access.CALLER)
  @GET
  @Operation(
      operationId = "listUploads",
      summary = "The caller's uploads that wait for a job, oldest first")
  @APIResponse(
      responseCode = "200",
      description = "The uploads.",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UploadView[]")))
  public List<UploadView> list() {
    return uploads.list();
  }

  @Extension(name = Access.EXTENSION, value = Access.SELF)
  @GET
  @Path(ID)
  @Operation(operationId = "getUpload", summary = "One of the caller's uploads")
  @APIResponse(
      responseCode = "200",
      description = "The upload.",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UploadView")))
  public UploadView get(@PathParam("id") String id) {
    return uploads.get(id);
  }

  @Extension(name = Access.EXTENSION, value = Access.SELF)
  @DELETE
  @Path(ID)
  @Operation(operationId = "deleteUpload", summary = "Remove one of the caller's uploads")
  @APIResponse(responseCode = "204", description = "The upload is removed.")
  public Response delete(@PathParam("id") String id) {
    uploads.delete(id);
    return Response.noContent().build();
  }
}
