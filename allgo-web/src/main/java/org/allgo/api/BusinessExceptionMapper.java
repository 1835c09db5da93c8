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

  @Context
  UriInfo uri;

  @Override
  public Response toResponse(BusinessException e) {
    return ApiErrors.response(uri.getPath(), e.kind().status(), e.code(), e.getMessage());
  }
}
