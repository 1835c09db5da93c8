package org.allgo.jobs.api;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.Principal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.allgo.api.ApiErrors;
import org.allgo.datastore.boundary.DatastoreService;
import org.allgo.datastore.entity.FileNames;
import org.allgo.platform.BusinessException;

/**
 * Downloads of job files: {@code GET /datastore/<job id>/<file name>}, for the job's owner (API
 * token in the {@code Authorization} header, or a signed-in session) and superusers. Answers with
 * the file's type, length and disposition (shown or saved, under its name), honours a single byte
 * range, and tells browsers never to run what it serves: job files are whatever a program wrote.
 */
@WebServlet(urlPatterns = "/datastore/*")
public class Datastore extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Pattern PATH = Pattern.compile("/([0-9]{1,18})/([^/]+)");
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

  @Inject transient DatastoreService datastore;

  /** The path of a job file, its name encoded as a path segment. */
  public static String path(long id, String name) {
    return "/datastore/"
        + id
        + "/"
        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Who downloads: a signed-in user or an API token's owner; else null, and a 401 is sent. */
  static Principal caller(HttpServletRequest request, HttpServletResponse response, String path)
      throws IOException {
    Principal caller = request.getUserPrincipal();
    if (caller == null) {
      response.setHeader("WWW-Authenticate", ApiErrors.CHALLENGE);
      ApiErrors.write(
          response,
          path,
          401,
          "sign-in",
          "Sign in, or send your API token, to download job files.");
    }
    return caller;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = "/datastore" + pathInfo(request);
    Matcher matcher = PATH.matcher(pathInfo(request));
    if (!matcher.matches() || !FileNames.isValid(matcher.group(2))) {
      ApiErrors.write(response, path, 404, "file-not-found", "There is no such file.");
      return;
    }
    Principal caller = caller(request, response, path);
    if (caller == null) {
      return;
    }
    Path file;
    try {
      file = datastore.file(Long.parseLong(matcher.group(1)), matcher.group(2));
    } catch (BusinessException e) {
      ApiErrors.write(response, path, e.kind().status(), e.code(), e.getMessage());
      return;
    }
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      send(request, response, matcher.group(2), channel);
    } catch (NoSuchFileException e) {
      ApiErrors.write(response, path, 404, "file-not-found", "There is no such file.");
    }
  }

  private void send(
      HttpServletRequest request, HttpServletResponse response, String name, FileChannel channel)
      throws IOException {
    long length = channel.size();
    long start = 0;
    long end = length - 1;
    response.setHeader("Accept-Ranges", "bytes");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Content-Security-Policy", "sandbox");
    String type = type(name);
    response.setContentType(type);
    response.setHeader("Content-Disposition", Disposition.of(name, type));
    String range = request.getHeader("Range");
    Matcher matcher = range == null ? null : RANGE.matcher(range.strip());
    if (matcher != null
        && matcher.matches()
        && !(matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
      if (matcher.group(1).isEmpty()) {
        start = Math.max(0, length - position(matcher.group(2)));
      } else {
        start = position(matcher.group(1));
        end =
            matcher.group(2).isEmpty()
                ? length - 1
                : Math.min(length - 1, position(matcher.group(2)));
      }
      if (start >= length || start > end) {
        response.setHeader("Content-Range", "bytes */" + length);
        response.sendError(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
        return;
      }
      response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
      response.setHeader("Content-Range", "bytes " + start + "-" + end + "/" + length);
    }
    long count = end - start + 1;
    response.setContentLengthLong(Math.max(0, count));
    if (count <= 0 || "HEAD".equals(request.getMethod())) {
      return;
    }
    channel.position(start);
    try (InputStream in = Channels.newInputStream(channel);
        OutputStream out = response.getOutputStream()) {
      byte[] buffer = new byte[64 * 1024];
      long left = count;
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          break;
        }
        out.write(buffer, 0, n);
        left -= n;
      }
    }
  }

  private String type(String name) {
    if (name.equals(FileNames.LOG) || name.endsWith(".txt") || name.endsWith(".log")) {
      return "text/plain;charset=UTF-8";
    }
    String type = getServletContext().getMimeType(name);
    return type == null ? "application/octet-stream" : type;
  }

  /**
   * The path after {@code /datastore}, decoded as UTF-8 from the request as it came: the
   * container's own decoding of a file name differs between HTTP/1.1 and HTTP/2 (where {@code
   * caf%C3%A9.txt} became {@code cafÃ©.txt}). An escape that is not UTF-8 names no file.
   */
  static String pathInfo(HttpServletRequest request) {
    String raw =
        request
            .getRequestURI()
            .substring(request.getContextPath().length() + request.getServletPath().length());
    try {
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /** A byte position of a range: digits only, so too large a number is past any file's end. */
  static long position(String digits) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }
}
