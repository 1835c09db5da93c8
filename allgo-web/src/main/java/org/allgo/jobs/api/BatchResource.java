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
import org.allgo.datastore.boundary.PurgeService;
import org.allgo.jobs.entity.BatchExecutionView;

/** Batch jobs on demand, for superusers: {@code purge-jobs}, and how an execution went. */
@Path("v2/admin/batch")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class BatchResource {

  @Inject PurgeService purge;

  @POST
  @Path(PurgeService.PURGE_JOB)
  public Response purgeJobs() {
    return Response.accepted(purge.start()).build();
  }

  @GET
  @Path("executions/{id: [0-9]{1,18}}")
  public BatchExecutionView execution(@PathParam("id") long id) {
    return purge.get(id);
  }
}
