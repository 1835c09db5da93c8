package org.allgo.jobs.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.allgo.api.Access;
import org.allgo.api.Links;
import org.allgo.datastore.boundary.DatastoreService;
import org.allgo.datastore.entity.JobFileView;
import org.allgo.datastore.entity.JobWithFiles;
import org.allgo.jobs.boundary.JobService;
import org.allgo.jobs.entity.JobView;
import org.allgo.submission.boundary.SubmissionService;
import org.allgo.submission.entity.JobDraft;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The original platform's job API, for its Python client and the scripts built on it: a multipart
 * {@code POST /api/v1/jobs} with {@code job[webapp_id]} (the id or the name), {@code job[param]},
 * {@code job[queue]} and {@code files[N]}; {@code GET /api/v1/jobs/N} with the job's files under
 * the key {@code "N"}. A thin layer over the same service as v2.
 */
@Tag(name = "v1")
@Path("v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class V1JobsResource {

  // Json.createObjectBuilder() looks the provider up through the class loaders on every call.
  private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

  @Inject JobService jobs;

  @Inject SubmissionService submissions;

  @Inject DatastoreService datastore;

  @Inject Links links;

  /** The answer to a submission, for the OpenAPI document. */
  public record V1Submitted(
      long id,
      @Schema(description = "Where to follow the job.") String url,
      @JsonbProperty("avg_time")
          @Schema(description = "The webapp's mean job duration, in seconds.")
          long averageSeconds) {}

  /** The form of a v1 submission, for the OpenAPI document. */
  @Schema(description = "The webapp by id or by name; files[N]: any part with a file name.")
  public record V1JobForm(
      @JsonbProperty("job[webapp_id]") String webappId,
      @JsonbProperty("job[webapp_name]") String webappName,
      @JsonbProperty("job[param]") String param,
      @JsonbProperty("job[queue]") String queue,
      List<byte[]> files) {}

  /** A job as v1 shows it, for the OpenAPI document. */
  @Schema(
      description =
          "The job; its files, name to download URL, are an object under the job's id as key.")
  public record V1Job(
      long id,
      @Schema(
              description =
                  "created, waiting, running, done, aborted, timeout, error, archived or deleted")
          String status,
      String result,
      @JsonbProperty("exit_code") Integer exitCode,
      @JsonbProperty("created_at") Instant createdAt,
      @JsonbProperty("started_at") Instant startedAt,
      @JsonbProperty("finished_at") Instant finishedAt) {}

  // One operation for both bodies: the OpenAPI document keeps one per path and method, the last
  // read, in declaration order. This one is read first and hidden (Payara then has no operation
  // for an x-allgo-access extension here: the caller is the one below's); the next declares both.
  /** A submission without files, URL-encoded, as the original platform also took it. */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public JsonObject createFromForm(MultivaluedMap<String, String> fields) {
    return submit(JobForm.read(fields, JobForm.V1));
  }

  @Extension(name = Access.EXTENSION, value = Access.CALLER)
  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      operationId = "submitV1Job",
      summary = "Submit a job (the original API)",
      description =
          "A multipart form (job[webapp_id] or job[webapp_name], job[param], job[queue], and files[N]),"
              + " or the same fields URL-encoded, without files.")
  @RequestBody(
      required = true,
      content = {
        @Content(mediaType = MediaType.MULTIPART_FORM_DATA),
        @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED)
      })
  @APIResponse(
      responseCode = "200",
      description = "The job, waiting in its queue.",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "V1Submitted")))
  public JsonObject create(List<EntityPart> parts) {
    return submit(JobForm.read(parts, JobForm.V1));
  }

  private JsonObject submit(JobForm form) {
    JobDraft draft = form.draft();
    String webapp = submissions.dockerName(draft.webapp());
    JobView job =
        submissions.submit(
            new JobDraft(webapp, draft.param(), draft.queue(), draft.notifyByMail()),
            form.uploads());
    return JSON.createObjectBuilder()
        .add("id", job.id())
        .add("url", links.link("/api/v1/jobs/" + job.id()))
        .add("avg_time", Math.round(jobs.averageSeconds(webapp)))
        .build();
  }

  @Extension(name = Access.EXTENSION, value = Access.PRIVATE)
  @GET
  @Path("{id: [0-9]{1,18}}")
  @Operation(operationId = "getV1Job", summary = "Read a job and its files (the original API)")
  @APIResponse(
      responseCode = "200",
      description = "The job.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "V1Job")))
  public JsonObject get(@PathParam("id") long id) {
    JobWithFiles read = datastore.withFiles(id);
    JobView job = read.job();
    JsonObjectBuilder files = JSON.createObjectBuilder();
    for (JobFileView file : read.files()) {
      files.add(file.name(), links.link(Datastore.path(id, file.name())));
    }
    JsonObjectBuilder body =
        JSON.createObjectBuilder()
            .add("id", job.id())
            .add("status", status(job))
            .add(Long.toString(job.id()), files)
            .add("result", job.result().name().toLowerCase(Locale.ROOT));
    optional(body, "exit_code", job.exitCode());
    optional(body, "created_at", job.createdAt());
    optional(body, "started_at", job.startedAt());
    optional(body, "finished_at", job.finishedAt());
    return body.build();
  }

  /**
   * The original's status words: "done" when the program ran to its end, whatever its exit code
   * (allgo.log tells); "error" only when the platform could not run it.
   */
  static String status(JobView job) {
    return switch (job.state()) {
      case NEW -> "created";
      case WAITING -> "waiting";
      case RUNNING -> "running";
      case ARCHIVED -> "archived";
      case DELETED -> "deleted";
      case DONE ->
          switch (job.result()) {
            case ABORTED -> "aborted";
            case TIMEOUT -> "timeout";
            case ERROR -> job.exitCode() == null ? "error" : "done";
            case SUCCESS, NONE -> "done";
          };
    };
  }

  private static void optional(JsonObjectBuilder body, String key, Object value) {
    if (value instanceof Integer number) {
      body.add(key, number);
    } else if (value instanceof Instant instant) {
      body.add(key, instant.toString());
    }
  }
}
