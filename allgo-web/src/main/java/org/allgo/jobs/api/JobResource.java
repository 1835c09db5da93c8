package org.allgo.jobs.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.List;
import org.allgo.api.Access;
import org.allgo.api.Links;
import org.allgo.datastore.boundary.DatastoreService;
import org.allgo.datastore.entity.JobLogView;
import org.allgo.dispatch.boundary.AbortService;
import org.allgo.jobs.boundary.JobService;
import org.allgo.jobs.entity.JobView;
import org.allgo.platform.BusinessException;
import org.allgo.submission.boundary.SubmissionService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One job of the caller (anyone's for superusers): read it, abort it, run it again, delete it, its
 * files and its log, or follow it as Server-Sent Events. Files download from {@code
 * /datastore/<id>/<name>}.
 */
@Tag(name = "jobs")
@Path("v2/jobs/{id: [0-9]{1,18}}")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class JobResource {

  @Inject JobService jobs;

  @Inject SubmissionService submissions;

  @Inject AbortService aborts;

  @Inject DatastoreService datastore;

  @Inject JobEvents events;

  @Inject Links links;

  @Context UriInfo uri;

  /**
   * A file of a job and where to download it.
   *
   * @param input whether the job was submitted with it (false for what the program wrote and the
   *     log)
   */
  public record FileLink(String name, long size, boolean input, String url) {}

  @Extension(name = Access.EXTENSION, value = Access.PRIVATE)
  @GET
  @Operation(operationId = "getJob", summary = "Read a job: its state, result and times")
  @APIResponse(
      responseCode = "200",
      description = "The job.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "JobView")))
  public JobView get(@PathParam("id") long id) {
    return jobs.get(id);
  }

  @Extension(name = Access.EXTENSION, value = Access.PRIVATE)
  @POST
  @Path("abort")
  @Operation(
      operationId = "abortJob",
      summary = "Abort a job",
      description =
          "A waiting job never starts, a running one is stopped: it ends ABORTED. An ended job stays"
              + " as it is.")
  @APIResponse(
      responseCode = "200",
      description = "The job, as the abort left it.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "JobView")))
  public JobView abort(@PathParam("id") long id) {
    return aborts.abort(id);
  }

  @Extension(name = Access.EXTENSION, value = Access.PRIVATE)
  @POST
  @Path("rerun")
  @Operation(
      operationId = "rerunJob",
      summary = "Run a job again",
      description =
          "A new job of the caller on the same webapp (its version chosen as for any submission), with the"
              + " same parameters, queue and mail choice, and copies of the job's input files.")
  @APIResponse(
      responseCode = "201",
      description = "The new job; Location names it.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "JobView")))
  @APIResponse(
      responseCode = "409",
      description = "The job runs, or its inputs are unknown or gone.")
  @APIResponse(
      responseCode = "410",
      description = "The job's files were removed after its retention period.")
  public Response rerun(@PathParam("id") long id) {
    return JobsResource.created(uri, submissions.rerun(id));
  }

  @Extension(name = Access.EXTENSION, value = Access.PRIVATE)
  @GET
  @Path("log")
  @Operation(
      operationId = "getJobLog",
      summary = "Read a job's allgo.log",
      description =
          "The program's output while it runs, then its footer: whole lines from byte 'from' (from the end"
              + " when negative). Read again from 'next' until 'ended'.")
  @APIResponse(
      responseCode = "200",
      description = "A portion of the log, and where the next one starts.",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "JobLogView")))
  public JobLogView log(
      @PathParam("id") long id,
      @Parameter(description = "Byte offset; negative counts from the end.")
          @QueryParam("from")
          @DefaultValue("0")
          long from) {
    return datastore.log(id, from);
  }

  @Extension(name = Access.EXTENSION, value = Access.PRIVATE)
  @GET
  @Path("events")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(
      operationId = "followJobEvents",
      summary = "Follow a job as Server-Sent Events",
      description =
          "Events 'state' (the job, when it changes) and 'log' ({offset, next, text}: new whole lines of its"
              + " allgo.log as they are written); the ended state comes last, then the stream closes. Event ids are log"
              + " offsets: reconnecting with Last-Event-ID resumes the log there.")
  @APIResponse(
      responseCode = "200",
      description = "The event stream.",
      content =
          @Content(
              mediaType = MediaType.SERVER_SENT_EVENTS,
              schema = @Schema(type = SchemaType.STRING, description = "The events, as text.")))
  public void events(
      @PathParam("id") long id,
      @Parameter(description = "Where to start in the log, when there is no Last-Event-ID.")
          @QueryParam("from")
          @DefaultValue("0")
          long from,
      @HeaderParam("Last-Event-ID") String lastEventId,
      @Context SseEventSink sink,
      @Context Sse sse) {
    jobs.get(id);
    events.open(id, resumeAt(lastEventId, from), sink, sse);
  }

  @Extension(name = Access.EXTENSION, value = Access.PRIVATE)
  @DELETE
  @Operation(
      operationId = "deleteJob",
      summary = "Delete a job and its files",
      description = "A job that has ended; abort a waiting or running one first.")
  @APIResponse(responseCode = "204", description = "The job and its files are gone.")
  @APIResponse(responseCode = "409", description = "The job has not ended.")
  public Response delete(@PathParam("id") long id) {
    datastore.delete(id);
    return Response.noContent().build();
  }

  @Extension(name = Access.EXTENSION, value = Access.PRIVATE)
  @GET
  @Path("files")
  @Operation(
      operationId = "listJobFiles",
      summary = "A job's files",
      description = "Its inputs, what the program wrote, and allgo.log; each downloads at its url.")
  @APIResponse(
      responseCode = "200",
      description = "The files, by name.",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "FileLink[]")))
  public List<FileLink> files(@PathParam("id") long id) {
    return datastore.files(id).stream()
        .map(
            f ->
                new FileLink(
                    f.name(), f.size(), f.input(), links.link(Datastore.path(id, f.name()))))
        .toList();
  }

  @Extension(name = Access.EXTENSION, value = Access.PRIVATE)
  @GET
  @Path("files/{name}")
  @Produces(MediaType.APPLICATION_OCTET_STREAM)
  @Operation(
      operationId = "downloadJobFile",
      summary = "Download a file of a job",
      description =
          "The same bytes as its url under /datastore; allgo.log is the live log while the job runs.")
  @APIResponse(
      responseCode = "200",
      description = "The file's bytes.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_OCTET_STREAM,
              schema =
                  @Schema(type = SchemaType.STRING, format = "binary", description = "The file.")))
  public Response download(@PathParam("id") long id, @PathParam("name") String name) {
    InputStream bytes;
    try {
      // Opened here, so that a file gone since it was found is a 404; the runtime closes it.
      bytes = Files.newInputStream(datastore.file(id, name), LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw BusinessException.notFound(
          "file-not-found", "Job " + id + " has no file named " + name + ".");
    }
    return Response.ok(bytes, MediaType.APPLICATION_OCTET_STREAM)
        .header("Content-Disposition", Disposition.attachment(name))
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox")
        .build();
  }

  private static long resumeAt(String lastEventId, long from) {
    if (lastEventId != null && lastEventId.strip().matches("[0-9]{1,18}")) {
      return Long.parseLong(lastEventId.strip());
    }
    return from;
  }
}
