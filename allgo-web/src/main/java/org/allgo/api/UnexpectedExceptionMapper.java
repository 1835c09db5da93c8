package org.allgo.api;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.UUID;
import org.allgo.platform.BusinessException;

/**
 * Everything else that escapes a resource: JAX-RS's own refusals keep their status, unreadable JSON
 * is a 400, a database that does not answer a 503 (try again), and the rest is a 500 whose details
 * go to the log, never to the client.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final System.Logger LOG =
      System.getLogger(UnexpectedExceptionMapper.class.getName());

  @Context UriInfo uri;

  @Override
  public Response toResponse(Throwable e) {
    String path = uri.getPath();
    Optional<BusinessException> business = causeOf(e, BusinessException.class);
    if (business.isPresent()) {
      BusinessException b = business.get();
      return ApiErrors.response(path, b.kind().status(), b.code(), b.getMessage());
    }
    if (causeOf(e, JsonbException.class).isPresent()
        || causeOf(e, JsonException.class).isPresent()) {
      return ApiErrors.response(path, 400, "json-invalid", "The request body is not valid JSON.");
    }
    if (e instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
      int status = web.getResponse().getStatus();
      return status == 400
          ? ApiErrors.response(
              path, 400, "request-invalid", "The request body is missing or not valid.")
          : ApiErrors.response(path, status, "http-" + status, ApiErrors.title(status) + ".");
    }
    if (DatabaseOutage.causes(e)) {
      LOG.log(Level.WARNING, "Request to /api/{0} refused: the database does not answer", path);
      return ApiErrors.unavailable(path);
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.ERROR, "Request to /api/" + path + " failed, incident " + incident, e);
    return ApiErrors.response(
        path,
        500,
        "internal-error",
        "Something went wrong on the server (incident " + incident + ").");
  }

  private static <T extends Throwable> Optional<T> causeOf(Throwable e, Class<T> type) {
    Throwable t = e;
    for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) {
      if (type.isInstance(t)) {
        return Optional.of(type.cast(t));
      }
    }
    return Optional.empty();
  }
}
