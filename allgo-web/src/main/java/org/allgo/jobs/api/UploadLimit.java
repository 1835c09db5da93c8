package org.allgo.jobs.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import org.allgo.api.ApiErrors;
import org.allgo.submission.boundary.SubmissionService;

/**
 * Refuses a multipart request larger than a job's files may be, with 413, before its body is read.
 * Bodies without a length are counted as they are stored.
 */
@Provider
public class UploadLimit implements ContainerRequestFilter {

  // Room for the form's fields and the multipart framing.
  private static final long OVERHEAD = 1L << 20;

  @Inject SubmissionService submissions;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!request.hasEntity()
        || request.getMediaType() == null
        || !request.getMediaType().isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
      return;
    }
    String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    try {
      if (length != null
          && Long.parseLong(length.strip()) > submissions.limits().maxInputBytes() + OVERHEAD) {
        request.abortWith(
            ApiErrors.response(
                request.getUriInfo().getPath(),
                413,
                "input-too-large",
                "The job's files together are larger than "
                    + (submissions.limits().maxInputBytes() >> 20)
                    + " MiB."));
      }
    } catch (NumberFormatException e) {
      // The container refuses a malformed length itself.
    }
  }
}
