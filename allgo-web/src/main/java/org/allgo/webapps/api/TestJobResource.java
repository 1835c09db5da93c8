package org.allgo.webapps.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Providers;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.allgo.api.Access;
import org.allgo.datastore.boundary.TestJobService;
import org.allgo.platform.BusinessException;
import org.allgo.webapps.entity.TestFile;
import org.allgo.webapps.entity.TestJobView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A webapp's test job, run in every committed image before the version becomes READY: its
 * parameters and input files, for the webapp's owner and superusers only.
 */
@Tag(name = "webapps")
@Path("v2/webapps/{name: [a-z0-9][a-z0-9_-]{0,62}}/test")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class TestJobResource {

  private static final String VIEW = "The test job (param null: none).";

  private static final Annotation[] NONE = {};

  @Inject TestJobService tests;

  @Context Providers providers;

  /** The test job's parameters. */
  public record TestParam(String param) {}

  /** The form that adds test files: one or more parts named {@code files}. */
  public record TestFilesForm(
      @Schema(description = "The files: any part with a file name.") List<byte[]> files) {}

  @Extension(name = Access.EXTENSION, value = Access.OWNER)
  @GET
  @Operation(operationId = "getTestJob", summary = "A webapp's test job")
  @APIResponse(
      responseCode = "200",
      description = VIEW,
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TestJobView")))
  public TestJobView get(@PathParam("name") String name) {
    return tests.get(name);
  }

  @Extension(name = Access.EXTENSION, value = Access.OWNER)
  @PUT
  @Operation(
      operationId = "setTestJob",
      summary = "Set or replace the test job's parameters (its files stay)")
  @RequestBody(
      required = true,
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TestParam")))
  @APIResponse(
      responseCode = "200",
      description = VIEW,
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TestJobView")))
  public TestJobView set(@PathParam("name") String name, TestParam body) {
    return tests.set(name, WebappsResource.required(body).param());
  }

  @Extension(name = Access.EXTENSION, value = Access.OWNER)
  @DELETE
  @Operation(operationId = "clearTestJob", summary = "Remove the test job and its files")
  @APIResponse(responseCode = "204", description = "The webapp has no test job.")
  public Response clear(@PathParam("name") String name) {
    tests.clear(name);
    return Response.noContent().build();
  }

  @Extension(name = Access.EXTENSION, value = Access.OWNER)
  @POST
  @Path("files")
  // Any type: the caller's right is checked before the form is read, so that a stranger gets the
  // webapp's 404, not the form's 415.
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "addTestFiles",
      summary = "Add or replace input files of the test job (all or none)")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.MULTIPART_FORM_DATA,
              schema = @Schema(ref = "TestFilesForm")))
  @APIResponse(
      responseCode = "200",
      description = VIEW,
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TestJobView")))
  @APIResponse(responseCode = "413", description = "A file is larger than 16 MiB.")
  public TestJobView addFiles(
      @PathParam("name") String name, @Context HttpHeaders headers, InputStream body)
      throws IOException {
    tests.get(name);
    MediaType type = headers.getMediaType();
    if (type == null || !type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
      throw BusinessException.invalid(
          "multipart-expected", "Send the files as a multipart form (multipart/form-data).");
    }
    Type parts = new GenericType<List<EntityPart>>() {}.getType();
    @SuppressWarnings({"unchecked", "rawtypes"})
    MessageBodyReader<List<EntityPart>> reader =
        (MessageBodyReader) providers.getMessageBodyReader(List.class, parts, NONE, type);
    List<EntityPart> read =
        reader.readFrom((Class) List.class, parts, NONE, type, headers.getRequestHeaders(), body);
    List<TestFile> files = new ArrayList<>();
    for (EntityPart part : read == null ? List.<EntityPart>of() : read) {
      if (part.getFileName().isEmpty()) {
        throw BusinessException.invalid(
            "invalid-part",
            "Each part of the form is a file (Content-Disposition with a filename).");
      }
      files.add(new TestFile(part.getFileName().get(), part.getContent()));
    }
    return tests.addFiles(name, files);
  }

  @Extension(name = Access.EXTENSION, value = Access.OWNER)
  @DELETE
  @Path("files/{file}")
  @Operation(operationId = "removeTestFile", summary = "Remove an input file of the test job")
  @APIResponse(
      responseCode = "200",
      description = VIEW,
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TestJobView")))
  public TestJobView removeFile(@PathParam("name") String name, @PathParam("file") String file) {
    return tests.removeFile(name, file);
  }
}
