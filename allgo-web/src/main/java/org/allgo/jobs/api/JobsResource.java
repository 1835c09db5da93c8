package org.allgo.jobs.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.allgo.api.Access;
import org.allgo.inputs.entity.Boutiques;
import org.allgo.jobs.boundary.JobService;
import org.allgo.jobs.entity.JobView;
import org.allgo.platform.BusinessException;
import org.allgo.submission.boundary.SubmissionService;
import org.allgo.submission.entity.JobDraft;
import org.allgo.submission.entity.JobLimits;
import org.allgo.submission.entity.UploadedFile;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Jobs of the caller: submit (multipart form: {@code webapp}, {@code param}, optional {@code queue}
 * and {@code notify}, and files; or JSON naming uploads), list them, and what a job may be sent.
 * One job is {@link JobResource}.
 */
@Tag(name = "jobs")
@Path("v2/jobs")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class JobsResource {

  private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final String SUBMIT =
      "Either a multipart form (webapp, param, optional queue and notify, and the"
          + " files), or JSON naming files uploaded ahead ({webapp, param, queue, notify, files: [{upload: <id>, name:"
          + " <optional new name>}]}; each upload is the caller's, taken by this job only). For a webapp"
          + " whose version describes its inputs, JSON may give them by name instead of param: inputs:"
          + " {<name>: <value>, ...}, files by upload id, as the JSON Schema of"
          + " GET /api/v2/webapps/{name}/inputs (operation getWebappInputs) says; a refusal lists each"
          + " field in errors.";
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

  @Inject SubmissionService submissions;

  @Context UriInfo uri;

  @Context HttpServletResponse response;

  /** The fields of a multipart job submission, for the OpenAPI document. */
  @Schema(description = "A multipart form; files are parts with a file name.")
  public record JobFormFields(
      String webapp,
      String param,
      String queue,
      @JsonbProperty("notify") Boolean notifyByMail,
      @Schema(description = "The files: any part with a file name.") List<byte[]> files) {}

  /** A job submission as JSON: its files were uploaded ahead ({@code POST /api/v2/uploads}). */
  public record JobRequest(
      String webapp,
      String param,
      String queue,
      @JsonbProperty("notify") Boolean notifyByMail,
      List<FileRequest> files,
      jakarta.json.JsonObject inputs) {}

  /**
   * A file of a JSON job submission: an upload's id, and optionally the name it takes in the job.
   */
  public record FileRequest(String upload, String name) {}

  // One operation for both bodies: the OpenAPI document keeps one per path and method, the last
  // read, in declaration order. This one is read first and hidden (Payara then has no operation
  // for an x-allgo-access extension here: the caller is the one below's); the next declares both.
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(hidden = true)
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
            request.notifyByMail(),
            request.inputs() == null ? null : Boutiques.values(request.inputs()));
    return created(submissions.submitUploaded(draft, files, idempotencyKey));
  }

  @Extension(name = Access.EXTENSION, value = Access.CALLER)
  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(operationId = "submitJob", summary = "Submit a job", description = SUBMIT)
  @RequestBody(
      required = true,
      content = {
        @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(ref = "JobFormFields")),
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "JobRequest"))
      })
  @APIResponse(
      responseCode = "201",
      description = CREATED,
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "JobView")))
  @APIResponse(responseCode = "404", description = NOT_FOUND)
  @APIResponse(responseCode = "409", description = CONFLICT)
  @APIResponse(responseCode = "410", description = GONE)
  @APIResponse(responseCode = "413", description = TOO_LARGE)
  @APIResponse(responseCode = "422", description = REUSED)
  public Response create(
      List<EntityPart> parts,
      @Parameter(description = IDEMPOTENCY) @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
    JobForm form = JobForm.read(parts);
    return created(submissions.submit(form.draft(), form.uploads(), idempotencyKey));
  }

  private Response created(JobView job) {
    return created(uri, job);
  }

  /** 201 with the job, and its address in Location. */
  static Response created(UriInfo uri, JobView job) {
    return Response.created(
            uri.getBaseUriBuilder().path(JobsResource.class).path(Long.toString(job.id())).build())
        .entity(job)
        .build();
  }

  @Extension(name = Access.EXTENSION, value = Access.CALLER)
  @GET
  @Operation(
      operationId = "listJobs",
      summary = "The caller's jobs, newest first",
      description =
          "Filters on state, webapp and creation time; a page of at most 'limit' jobs, whose Link header"
              + " (<url>; rel=\"next\") names the next page when there may be one.")
  @APIResponse(
      responseCode = "200",
      description = "A page of jobs.",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "JobView[]")))
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
            ListParameters.state(state),
            webapp,
            ListParameters.instant("since", since),
            ListParameters.instant("until", until),
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

  @Extension(name = Access.EXTENSION, value = Access.PUBLIC)
  @GET
  @Path("limits")
  @Operation(operationId = "getJobLimits", summary = "What a job may be sent: its files' sizes")
  @APIResponse(
      responseCode = "200",
      description = "The limits.",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "JobLimits")))
  public JobLimits limits() {
    return submissions.limits();
  }
}
