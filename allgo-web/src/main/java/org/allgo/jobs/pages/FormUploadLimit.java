package org.allgo.jobs.pages;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.allgo.submission.boundary.SubmissionService;

/**
 * Refuses with 413, before its body is read, a multipart request to the pages larger than one job
 * file may be: the job form sends its files one request each. The API has its own limit.
 */
@WebFilter(servletNames = "Faces Servlet")
public class FormUploadLimit extends HttpFilter {

  private static final long serialVersionUID = 1L;

  // Room for the form's other fields and the multipart framing.
  private static final long OVERHEAD = 1L << 20;

  @Inject transient SubmissionService submissions;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String type = request.getContentType();
    if (type != null
        && type.toLowerCase(Locale.ROOT).startsWith("multipart/")
        && (request.getContentLengthLong() < 0
            || request.getContentLengthLong() > submissions.limits().maxFileBytes() + OVERHEAD)) {
      response.sendError(
          HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
          "A file of a job may have "
              + (submissions.limits().maxFileBytes() >> 20)
              + " MiB at most.");
      return;
    }
    chain.doFilter(request, response);
  }
}
