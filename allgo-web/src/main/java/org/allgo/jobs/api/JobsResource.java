package org.allgo.jobs.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.allgo.api.Callers;
import org.allgo.jobs.boundary.JobService;
import org.allgo.jobs.control.JobSettings;
import org.allgo.jobs.control.ParameterSplitter;
import org.allgo.jobs.entity.JobDraft;
import org.allgo.jobs.entity.JobLogView;
import org.allgo.jobs.entity.JobState;
import org.allgo.jobs.entity.JobView;
import org.allgo.jobs.entity.UploadedFile;
import org.allgo.platform.BusinessException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Jobs of the caller: submit (multipart form: {@code webapp}, {@code param}, optional {@code queue}
 * and {@code notify}, and files), list, follow, abort, delete, list files. Files download from
 * {@code /datastore/<id>/<name>}.
 */
@Path("v2/jobs")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class JobsResource {

  private static final String ID = "{id: [0-9]{1,18}}";
  private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final String SUBMIT =
      "Either a multipart form (webapp, param, optional queue and notify, and the"
          + " files), or JSON naming files uploaded ahead ({webapp, param, queue, notify, files: [{upload: <id>, name:"
          + " <optional new name>}]}; each upload is the caller's, taken by this job only). ";
  private static final String CREATED = "The job, waiting in its queue; Location names it.";
  private static final String NOT_FOUND = "No such webapp, or an upload is not the caller's.";
  private static final String CONFLICT =
      "An upload was taken by a job already, or a request with this Idempotency-Key"
          + " is still being processed.";
  private static final String GONE = "An upload expired.";
  private static final String TOO_LARGE = "A file, or the files together, are too large.";
  private static final String REUSED = "The Idempotency-Key was used for another request.";
  private static final String IDEMPOTENCY =
      "An Idempotency-Key header of the caller's choice (a UUID) is kept a day:"
          + " a request retried with it gets the job the first one made; the key with another request is refused with 422.";

  @Inject JobService jobs;

  @Inject JobSettings settings;

  @Inject JobEvents events;

  @Context SecurityContext security;

  @Context UriInfo uri;

  @Context HttpServletResponse response;

  /** What the platform accepts, so that clients can check before they send. */
  public record Limits(
      long maxFileBytes,
      long maxInputBytes,
      long maxOutputBytes,
      long maxLogBytes,
      int maxFiles,
      int maxParamLength) {}

  /** A file of a job and where to download it. */
  public record FileLink(String name, long size, String url) {}

  /** The fields of a multipart job submission, for the OpenAPI document. */
  @Schema(description = "A multipart form; files are parts with a file name.")
  public record JobFormFields(
      String webapp,
      String param,
      String queue,
      @Schema(name = "notify") Boolean notifyByMail,
      @Schema(
              description = "The files: any part with a file name.",
              type = SchemaType.ARRAY,
              implementation = byte[].class)
          List<byte[]> files) {}

  /** A job submission as JSON: its files were uploaded ahead ({@code POST /api/v2/uploads}). */
  public record JobRequest(
      String webapp,
      String param,
      String queue,
      @JsonbProperty("notify") @Schema(name = "notify") Boolean notifyByMail,
      List<FileRequest> files) {}

  /**
   * A file of a JSON job submission: an upload's id, and optionally the name it takes in the job.
   */
  public record FileRequest(String upload, String name) {}

  // Both submissions carry the whole documentation: the OpenAPI document keeps one operation per
  // path and method, the last one read.
  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      operationId = "submitJob",
      summary = "Submit a job",
      description = SUBMIT + IDEMPOTENCY)
  @RequestBody(
      content = {
        @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = JobFormFields.class)),
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = JobRequest.class))
      })
  @APIResponse(
      responseCode = "201",
      description = CREATED,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = JobView.class)))
  @APIResponse(responseCode = "404", description = NOT_FOUND)
  @APIResponse(responseCode = "409", description = CONFLICT)
  @APIResponse(responseCode = "410", description = GONE)
  @APIResponse(responseCode = "413", description = TOO_LARGE)
  @APIResponse(responseCode = "422", description = REUSED)
  public Response create(
      List<EntityPart> parts, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
    JobForm form = JobForm.read(parts);
    return created(
        jobs.submit(Callers.email(security), form.draft(), form.uploads(), idempotencyKey));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "submitJob",
      summary = "Submit a job",
      description = SUBMIT + IDEMPOTENCY)
  @RequestBody(
      content = {
        @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = JobFormFields.class)),
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = JobRequest.class))
      })
  @APIResponse(
      responseCode = "201",
      description = CREATED,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = JobView.class)))
  @APIResponse(responseCode = "404", description = NOT_FOUND)
  @APIResponse(responseCode = "409", description = CONFLICT)
  @APIResponse(responseCode = "410", description = GONE)
  @APIResponse(responseCode = "413", description = TOO_LARGE)
  @APIResponse(responseCode = "422", description = REUSED)
  public Response createFromUploads(
      JobRequest request, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
    if (request == null) {
      throw BusinessException.invalid("body-missing", "This request needs a JSON body.");
    }
    List<UploadedFile> files =
        Optional.ofNullable(request.files()).orElse(List.of()).stream()
            .map(
                f -> {
                  if (f == null || f.upload() == null || f.upload().isBlank()) {
                    throw BusinessException.invalid(
                        "upload-missing", "Each file names its upload: {\"upload\": \"<id>\"}.");
                  }
                  return new UploadedFile(f.upload().strip(), f.name());
                })
            .toList();
    JobDraft draft =
        new JobDraft(
            request.webapp() == null ? null : request.webapp().strip(),
            request.param(),
            request.queue(),
            request.notifyByMail());
    return created(jobs.submitUploaded(Callers.email(security), draft, files, idempotencyKey));
  }

  private Response created(JobView job) {
    return Response.created(
            uri.getBaseUriBuilder().path(JobsResource.class).path(Long.toString(job.id())).build())
        .entity(job)
        .build();
  }

  @GET
  @Operation(
      summary = "The caller's jobs, newest first",
      description =
          "Filters on state, webapp and creation time; a page of at most 'limit' jobs, whose Link header"
              + " (<url>; rel=\"next\") names the next page when there may be one.")
  public List<JobView> list(
      @QueryParam("state") String state,
      @QueryParam("webapp") String webapp,
      @Parameter(description = "ISO-8601 instant: jobs created at or after it.")
          @QueryParam("since")
          String since,
      @Parameter(description = "ISO-8601 instant: jobs created before it.") @QueryParam("until")
          String until,
      @Parameter(description = "The cursor: the id of the last job of the previous page.")
          @QueryParam("before")
          Long before,
      @Parameter(description = "Page size, 100 by default, at most 500.") @QueryParam("limit")
          Integer limit) {
    List<JobView> page =
        jobs.list(
            Callers.email(security),
            state(state),
            webapp,
            instant("since", since),
            instant("until", until),
            before,
            limit);
    // Set on the servlet response, so that the method keeps its type for the OpenAPI document.
    if (page.size() == JobService.pageSize(limit)) {
      URI next =
          uri.getRequestUriBuilder()
              .replaceQueryParam("before", page.get(page.size() - 1).id())
              .build();
      response.addHeader(HttpHeaders.LINK, Link.fromUri(next).rel("next").build().toString());
    }
    return page;
  }

  @GET
  @Path("limits")
  public Limits limits() {
    return new Limits(
        settings.maxFileBytes(),
        settings.maxInputBytes(),
        settings.maxOutputBytes(),
        settings.maxLogBytes(),
        JobService.MAX_FILES,
        ParameterSplitter.MAX_LENGTH);
  }

  @GET
  @Path(ID)
  public JobView get(@PathParam("id") long id) {
    return jobs.get(Callers.email(security), id);
  }

  @POST
  @Path(ID + "/abort")
  public JobView abort(@PathParam("id") long id) {
    return jobs.abort(Callers.email(security), id);
  }

  @POST
  @Path(ID + "/rerun")
  @Operation(
      summary = "Run a job again",
      description =
          "A new job of the caller on the same webapp (its version chosen as for any submission), with the"
              + " same parameters, queue and mail choice, and copies of the job's input files.")
  @APIResponse(responseCode = "201", description = "The new job; Location names it.")
  @APIResponse(
      responseCode = "409",
      description = "The job runs, or its inputs are unknown or gone.")
  @APIResponse(
      responseCode = "410",
      description = "The job's files were removed after its retention period.")
  public Response rerun(@PathParam("id") long id) {
    return created(jobs.rerun(Callers.email(security), id));
  }

  @GET
  @Path(ID + "/log")
  @Operation(
      summary = "Read a job's allgo.log",
      description =
          "The program's output while it runs, then its footer: whole lines from byte 'from' (from the end"
              + " when negative). Read again from 'next' until 'ended'.")
  public JobLogView log(
      @PathParam("id") long id,
      @Parameter(description = "Byte offset; negative counts from the end.")
          @QueryParam("from")
          @DefaultValue("0")
          long from) {
    return jobs.log(Callers.email(security), id, from);
  }

  @GET
  @Path(ID + "/events")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(
      summary = "Follow a job as Server-Sent Events",
      description =
          "Events 'state' (the job, when it changes) and 'log' ({offset, next, text}: new whole lines of its"
              + " allgo.log as they are written); the ended state comes last, then the stream closes. Event ids are log"
              + " offsets: reconnecting with Last-Event-ID resumes the log there.")
  @APIResponse(
      responseCode = "200",
      description = "The event stream.",
      content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS))
  public void events(
      @PathParam("id") long id,
      @Parameter(description = "Where to start in the log, when there is no Last-Event-ID.")
          @QueryParam("from")
          @DefaultValue("0")
          long from,
      @HeaderParam("Last-Event-ID") String lastEventId,
      @Context SseEventSink sink,
      @Context Sse sse) {
    String email = Callers.email(security);
    jobs.get(email, id);
    events.open(email, id, resumeAt(lastEventId, from), sink, sse);
  }

  @DELETE
  @Path(ID)
  public Response delete(@PathParam("id") long id) {
    jobs.delete(Callers.email(security), id);
    return Response.noContent().build();
  }

  @GET
  @Path(ID + "/files")
  public List<FileLink> files(@PathParam("id") long id) {
    return jobs.files(Callers.email(security), id).stream()
        .map(f -> new FileLink(f.name(), f.size(), settings.link(Datastore.path(id, f.name()))))
        .toList();
  }

  private static long resumeAt(String lastEventId, long from) {
    if (lastEventId != null && lastEventId.strip().matches("[0-9]{1,18}")) {
      return Long.parseLong(lastEventId.strip());
    }
    return from;
  }

  private static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw BusinessException.invalid(
          "invalid-time",
          name
              + " is an ISO-8601 time with its offset, such as"
              + " 2024-05-01T12:00:00Z; not "
              + value
              + ".");
    }
  }

  private static JobState state(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return JobState.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw BusinessException.invalid(
          "invalid-state",
          "Unknown job state "
              + value
              + ": one of new, waiting, running, done, archived, deleted.");
    }
  }
}
