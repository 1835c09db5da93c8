package org.allgo.jobs.pages;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /jobs/<id>}, the job's address in mails and links: the job page ({@code job.xhtml}),
 * forwarded to with the id as its parameter, so that the address stays, postbacks included.
 */
@WebServlet(urlPatterns = "/jobs/*")
public class JobAddress extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Pattern ID = Pattern.compile("/([0-9]{1,18})");

  /** The page of a job, inside the application. */
  public static String path(long id) {
    return "/jobs/" + id;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    Matcher matcher = ID.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
    if (!matcher.matches()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    request.getRequestDispatcher("/job.xhtml?id=" + matcher.group(1)).forward(request, response);
  }
}
