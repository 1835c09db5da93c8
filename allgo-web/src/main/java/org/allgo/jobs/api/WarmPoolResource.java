package org.allgo.jobs.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.allgo.api.Access;
import org.allgo.dispatch.boundary.WarmPoolService;
import org.allgo.platform.BusinessException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The warm pool, for superusers: as it is, and switched on or off or capped until the server stops
 * (as on {@code /admin/engine}).
 */
@Tag(name = "admin")
@Path("v2/admin/warm-pool")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class WarmPoolResource {

  /** What to change: any of the three; the others stay. */
  public record WarmPoolChange(Boolean enabled, Integer maxContainers, Long maxMemoryMb) {}

  @Inject WarmPoolService pool;

  @Extension(name = Access.EXTENSION, value = Access.SUPERUSER)
  @GET
  @Operation(operationId = "getWarmPool", summary = "The warm pool: on or off, its cap, its kinds")
  @APIResponse(
      responseCode = "200",
      description = "The pool.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Pool")))
  public WarmPoolService.Pool get() {
    return pool.pool();
  }

  @Extension(name = Access.EXTENSION, value = Access.SUPERUSER)
  @PATCH
  @Operation(
      operationId = "updateWarmPool",
      summary = "Switch the warm pool on or off, or cap it, until the server stops",
      description =
          "On a single engine only (409 warm-single-engine on a swarm). Off, the ready warm"
              + " containers go and every job starts cold. A cap of 0 containers keeps none.")
  @APIResponse(
      responseCode = "200",
      description = "The pool, changed.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Pool")))
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "WarmPoolChange")))
  public WarmPoolService.Pool update(WarmPoolChange change) {
    // The pool first: a caller who may not change it hears so, whatever the body.
    WarmPoolService.Pool now = pool.pool();
    if (change == null
        || change.enabled() == null
            && change.maxContainers() == null
            && change.maxMemoryMb() == null) {
      throw BusinessException.invalid(
          "body-missing", "Give enabled, maxContainers or maxMemoryMb as JSON.");
    }
    if (change.maxContainers() != null || change.maxMemoryMb() != null) {
      now =
          pool.cap(
              change.maxContainers() != null ? change.maxContainers() : now.maxContainers(),
              change.maxMemoryMb() != null ? change.maxMemoryMb() : now.maxMemoryMb());
    }
    if (change.enabled() != null) {
      now = pool.switchTo(change.enabled());
    }
    return now;
  }
}
