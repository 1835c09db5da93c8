package org.allgo.jobs.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.allgo.api.Access;
import org.allgo.batch.boundary.BatchMonitor;
import org.allgo.batch.entity.ExecutionView;
import org.allgo.datastore.boundary.PurgeService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Batch jobs on demand, for superusers: {@code purge-jobs}, and how an execution went. */
@Tag(name = "admin")
@Path("v2/admin/batch")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class BatchResource {

  @Inject PurgeService purge;

  @Inject BatchMonitor executions;

  /** A run of a batch job; the exit status carries its summary. */
  public record BatchExecution(
      long id, String job, String status, String exitStatus, Instant startedAt, Instant endedAt) {

    static BatchExecution of(ExecutionView e) {
      return new BatchExecution(
          e.id(), e.jobName(), e.status(), e.exitStatus(), e.start(), e.end());
    }
  }

  @Extension(name = Access.EXTENSION, value = Access.SUPERUSER)
  @POST
  @Path(PurgeService.PURGE_JOB)
  @Operation(operationId = "purgeJobs", summary = "Start the purge-jobs batch job now")
  @APIResponse(
      responseCode = "202",
      description = "Its execution, started.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "BatchExecution")))
  public Response purgeJobs() {
    return Response.accepted(execution(purge.startNow())).build();
  }

  @Extension(name = Access.EXTENSION, value = Access.SUPERUSER)
  @GET
  @Path("executions/{id: [0-9]{1,18}}")
  @Operation(operationId = "getBatchExecution", summary = "How a batch execution went")
  @APIResponse(
      responseCode = "200",
      description = "The execution.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "BatchExecution")))
  public BatchExecution execution(@PathParam("id") long id) {
    return BatchExecution.of(executions.get(id));
  }
}
