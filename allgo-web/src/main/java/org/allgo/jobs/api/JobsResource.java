package org.allgo.jobs.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import org.allgo.jobs.boundary.JobService;
import org.allgo.jobs.control.JobSettings;
import org.allgo.jobs.control.ParameterSplitter;
import org.allgo.jobs.entity.JobState;
import org.allgo.jobs.entity.JobView;
import org.allgo.platform.BusinessException;
import org.allgo.api.Callers;

/**
 * Jobs of the caller: submit (multipart form: {@code webapp}, {@code param}, optional {@code queue}
 * and {@code notify}, and files), list, follow, abort, delete, list files. Files download from
 * {@code /datastore/<id>/<name>}.
 */
@Path("v2/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {

  private static final String ID = "{id: [0-9]{1,18}}";

  @Inject
  JobService jobs;

  @Inject
  JobSettings settings;

  @Context
  SecurityContext security;

  @Context
  UriInfo uri;

  /** What the platform accepts, so that clients can check before they send. */
  public record Limits(long maxFileBytes, long maxInputBytes, long maxOutputBytes, int maxFiles,
      int maxParamLength) {}

  /** A file of a job and where to download it. */
  public record FileLink(String name, long size, String url) {}

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response create(List<EntityPart> parts) {
    JobForm form = JobForm.read(parts);
    JobView job = jobs.submit(Callers.email(security), form.draft(), form.uploads());
    return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(job.id())).build()).entity(job).build();
  }

  @GET
  public List<JobView> list(@QueryParam("state") String state, @QueryParam("webapp") String webapp,
      @QueryParam("before") Long before, @QueryParam("limit") Integer limit) {
    return jobs.list(Callers.email(security), state(state), webapp, before, limit);
  }

  @GET
  @Path("limits")
  public Limits limits() {
    return new Limits(settings.maxFileBytes(), settings.maxInputBytes(), settings.maxOutputBytes(),
        JobService.MAX_FILES, ParameterSplitter.MAX_LENGTH);
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

  private static JobState state(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return JobState.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw BusinessException.invalid("invalid-state", "Unknown job state " + value
          + ": one of new, waiting, running, done, archived, deleted.");
    }
  }
}
