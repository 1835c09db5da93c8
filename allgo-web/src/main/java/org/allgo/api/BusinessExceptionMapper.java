package org.allgo.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.allgo.platform.BusinessException;

/** Answers a refused request with the exception's status and sentence. */
@Provider
public class BusinessExceptionMapper implements ExceptionMapper<BusinessException> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(BusinessException e) {
    int status = e.kind().status();
    // The original API answered 422 to invalid parameters; its clients expect it.
    if (status == 400 && uri.getPath().startsWith("v1/")) {
      status = 422;
    }
    return ApiErrors.response(uri.getPath(), status, e.code(), e.getMessage(), e.fields());
  }
}
