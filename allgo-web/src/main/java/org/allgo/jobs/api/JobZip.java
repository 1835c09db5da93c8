package org.allgo.jobs.api;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.Principal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.allgo.api.ApiErrors;
import org.allgo.datastore.boundary.DatastoreService;
import org.allgo.datastore.entity.JobFileView;
import org.allgo.platform.BusinessException;

/**
 * All the files of a job as one zip, streamed as it is made: {@code GET /datastore/zip/<job id>},
 * for the job's owner and superusers, signed in or with an API token (as {@link Datastore}). A file
 * that disappears meanwhile is left out.
 */
@WebServlet(urlPatterns = "/datastore/zip/*")
public class JobZip extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Pattern ID = Pattern.compile("/([0-9]{1,18})");

  @Inject transient DatastoreService datastore;

  /** Where the zip of a job's files downloads from, inside the application. */
  public static String path(long id) {
    return "/datastore/zip/" + id;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = "/datastore/zip" + (request.getPathInfo() == null ? "" : request.getPathInfo());
    Matcher matcher = ID.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
    if (!matcher.matches()) {
      ApiErrors.write(response, path, 404, "job-not-found", "There is no such job.");
      return;
    }
    Principal caller = Datastore.caller(request, response, path);
    if (caller == null) {
      return;
    }
    long id = Long.parseLong(matcher.group(1));
    List<JobFileView> files;
    try {
      files = datastore.files(id);
    } catch (BusinessException e) {
      ApiErrors.write(response, path, e.kind().status(), e.code(), e.getMessage());
      return;
    }
    response.setContentType("application/zip");
    response.setHeader("Content-Disposition", "attachment; filename=\"job-" + id + ".zip\"");
    response.setHeader("X-Content-Type-Options", "nosniff");
    try (ZipOutputStream zip = new ZipOutputStream(response.getOutputStream())) {
      for (JobFileView file : files) {
        add(zip, id, file.name());
      }
    }
  }

  private void add(ZipOutputStream zip, long id, String name) throws IOException {
    Path file;
    try {
      file = datastore.file(id, name);
    } catch (BusinessException e) {
      return;
    }
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      zip.putNextEntry(new ZipEntry(name));
      in.transferTo(zip);
      zip.closeEntry();
    } catch (NoSuchFileException e) {
      // Gone since it was listed.
    }
  }
}
