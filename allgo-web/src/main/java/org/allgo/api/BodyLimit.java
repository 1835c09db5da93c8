package org.allgo.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.allgo.platform.BusinessException;

/**
 * The API's bodies other than multipart forms (JSON, URL-encoded forms) are at most {@link #MAX}
 * bytes: a longer one is refused with 413 before it is read — by its declared length, or, sent
 * without one, as soon as it passes the limit — so that no parser ever holds more. Multipart forms
 * carry files and have the jobs' limits ({@code UploadLimit}).
 */
@Provider
public class BodyLimit implements ContainerRequestFilter, ReaderInterceptor {

  static final int MAX = 1 << 20;

  private static final String DETAIL = "The request's body is larger than 1 MiB.";

  @Override
  public void filter(ContainerRequestContext request) {
    if (!request.hasEntity() || multipart(request.getMediaType())) {
      return;
    }
    String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (length != null && length.strip().matches("[0-9]{1,19}")) {
      if (Long.parseLong(length.strip()) > MAX) {
        request.abortWith(
            ApiErrors.response(request.getUriInfo().getPath(), 413, "body-too-large", DETAIL));
      }
    }
  }

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    if (!multipart(context.getMediaType())) {
      InputStream in = context.getInputStream();
      byte[] body = in.readNBytes(MAX + 1);
      if (body.length > MAX) {
        throw BusinessException.tooLarge("body-too-large", DETAIL);
      }
      context.setInputStream(new ByteArrayInputStream(body));
    }
    return context.proceed();
  }

  private static boolean multipart(MediaType type) {
    return type != null && type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE);
  }
}
