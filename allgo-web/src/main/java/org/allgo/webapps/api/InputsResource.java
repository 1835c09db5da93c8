package org.allgo.webapps.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.allgo.api.Access;
import org.allgo.webapps.boundary.InputService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A webapp's typed inputs: the JSON Schema of what {@code POST /api/v2/jobs} takes as {@code
 * inputs} for the version that would run, and the owner's draft description (a Boutiques
 * descriptor) that the next committed version takes.
 */
@Tag(name = "webapps")
@Path("v2/webapps/{name: [a-z0-9][a-z0-9_-]{0,62}}/inputs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class InputsResource {

  private static final String DESCRIPTOR =
      "A Boutiques descriptor (https://boutiques.github.io): name, command-line with value keys,"
          + " inputs of type String, Number (integer, minimum, maximum), Flag, File (list,"
          + " optional), value-choices, default-value.";

  @Inject InputService inputs;

  /** What the document says of a Boutiques descriptor (the body is read as any JSON object). */
  @Schema(description = DESCRIPTOR)
  public record BoutiquesDescriptor(
      String name,
      @JsonbProperty("tool-version") String toolVersion,
      @JsonbProperty("schema-version") String schemaVersion,
      @JsonbProperty("command-line") String commandLine,
      List<BoutiquesInput> inputs) {}

  /** One input of a Boutiques descriptor, the keys allgo supports. */
  public record BoutiquesInput(
      String id,
      String name,
      @Schema(description = "String, Number, Flag or File.") String type,
      @JsonbProperty("value-key") String valueKey,
      String description,
      Boolean optional,
      Boolean list,
      @JsonbProperty("command-line-flag") String commandLineFlag,
      @JsonbProperty("default-value") Object defaultValue,
      @JsonbProperty("value-choices") List<Object> valueChoices,
      Boolean integer,
      Double minimum,
      Double maximum,
      String pattern) {}

  /** What the document says of the JSON Schema of a webapp's inputs. */
  @Schema(description = "A JSON Schema (draft 2020-12) of the 'inputs' object of a job.")
  public record InputsSchema(
      @JsonbProperty("$schema") String schema,
      String title,
      String type,
      @Schema(description = "One per input, by its id.") Object properties,
      List<String> required,
      Boolean additionalProperties) {}

  @Extension(name = Access.EXTENSION, value = Access.PUBLIC)
  @GET
  @Operation(
      operationId = "getWebappInputs",
      summary = "The JSON Schema of the inputs of the version a job would run",
      description =
          "What POST /api/v2/jobs takes as 'inputs' for this webapp (files by upload id). 404"
              + " (inputs-not-described) when the version takes a free parameter string.")
  @APIResponse(
      responseCode = "200",
      description = "A JSON Schema (draft 2020-12).",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "InputsSchema")))
  @APIResponse(responseCode = "409", description = "No version is ready.")
  public JsonObject schema(@PathParam("name") String name) {
    return inputs.schema(name);
  }

  @Extension(name = Access.EXTENSION, value = Access.OWNER)
  @GET
  @Path("draft")
  @Operation(
      operationId = "getWebappInputsDraft",
      summary = "The description of the inputs the next version takes, as a Boutiques descriptor")
  @APIResponse(
      responseCode = "200",
      description = DESCRIPTOR,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "BoutiquesDescriptor")))
  public JsonObject draft(@PathParam("name") String name) {
    return inputs.draft(name);
  }

  @Extension(name = Access.EXTENSION, value = Access.OWNER)
  @PUT
  @Path("draft")
  @Operation(
      operationId = "describeWebappInputs",
      summary = "Describe the inputs the next version takes (a Boutiques descriptor)",
      description =
          "Versions keep the description they were committed with: commit a version to run jobs"
              + " with it. A descriptor allgo does not support is refused and changes nothing.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "BoutiquesDescriptor")))
  @APIResponse(
      responseCode = "200",
      description = "The descriptor as kept.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "BoutiquesDescriptor")))
  public JsonObject describe(@PathParam("name") String name, JsonObject descriptor) {
    return inputs.describe(name, descriptor);
  }

  @Extension(name = Access.EXTENSION, value = Access.OWNER)
  @DELETE
  @Path("draft")
  @Operation(
      operationId = "clearWebappInputs",
      summary = "The next version takes a free parameter string again")
  @APIResponse(responseCode = "204", description = "Cleared.")
  public Response clear(@PathParam("name") String name) {
    inputs.clear(name);
    return Response.noContent().build();
  }
}
