package org.allgo.api;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The error bodies of the API, the same whether the security layer or a resource refuses: RFC 9457
 * problem details for {@code /api/v2}, {@code {"error": message}} for the other API versions.
 */
public final class ApiErrors {

  public static final String PROBLEM_JSON = "application/problem+json";

  /** The challenge of a 401: an API token as a bearer token. */
  public static final String CHALLENGE = "Bearer realm=\"allgo\"";

  private static final String UNAVAILABLE_CODE = "database-unavailable";
  private static final String UNAVAILABLE =
      "allgo's database does not answer for the moment: nothing was changed. Try again in a few"
          + " seconds.";

  // Json.createObjectBuilder() looks the provider up through the class loaders on every call.
  private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

  private ApiErrors() {}

  /**
   * @param apiPath the request path inside the API, with or without {@code /api/} before it
   */
  public static boolean isV2(String apiPath) {
    String path = apiPath.startsWith("/") ? apiPath.substring(1) : apiPath;
    if (path.startsWith("api/")) {
      path = path.substring("api/".length());
    }
    return path.equals("v2") || path.startsWith("v2/");
  }

  public static String mediaType(String apiPath) {
    return isV2(apiPath) ? PROBLEM_JSON : "application/json";
  }

  public static JsonObject body(String apiPath, int status, String code, String message) {
    return body(apiPath, status, code, message, Map.of());
  }

  /**
   * @param fields what is wrong with each named field of the request: v2 lists them in {@code
   *     errors}, one entry per field, {@code {"field": name, "detail": sentence}}
   */
  public static JsonObject body(
      String apiPath, int status, String code, String message, Map<String, String> fields) {
    if (!isV2(apiPath)) {
      return JSON.createObjectBuilder().add("error", message).build();
    }
    JsonObjectBuilder body =
        JSON.createObjectBuilder()
            .add("type", "urn:allgo:problem:" + code)
            .add("title", title(status))
            .add("status", status)
            .add("detail", message)
            .add("code", code);
    if (!fields.isEmpty()) {
      JsonArrayBuilder errors = JSON.createArrayBuilder();
      fields.forEach(
          (field, detail) ->
              errors.add(JSON.createObjectBuilder().add("field", field).add("detail", detail)));
      body.add("errors", errors);
    }
    return body.build();
  }

  public static Response response(String apiPath, int status, String code, String message) {
    return response(apiPath, status, code, message, Map.of());
  }

  public static Response response(
      String apiPath, int status, String code, String message, Map<String, String> fields) {
    Response.ResponseBuilder response =
        Response.status(status)
            .type(mediaType(apiPath) + ";charset=UTF-8")
            .entity(body(apiPath, status, code, message, fields).toString());
    // A 401 says how to authenticate (RFC 9110).
    return (status == 401 ? response.header("WWW-Authenticate", CHALLENGE) : response).build();
  }

  /** The answer while the database is away: 503 with {@code Retry-After}; nothing was changed. */
  public static Response unavailable(String apiPath) {
    return Response.fromResponse(response(apiPath, 503, UNAVAILABLE_CODE, UNAVAILABLE))
        .header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS)
        .build();
  }

  /** The same, written straight to a servlet response, for the security layer. */
  public static void writeUnavailable(HttpServletResponse response, String apiPath)
      throws IOException {
    response.setHeader("Retry-After", Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
    write(response, apiPath, 503, UNAVAILABLE_CODE, UNAVAILABLE);
  }

  /** Writes the error straight to a servlet response, for the security layer. */
  public static void write(
      HttpServletResponse response, String apiPath, int status, String code, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType(mediaType(apiPath));
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(body(apiPath, status, code, message).toString());
    response.flushBuffer();
  }

  static String title(int status) {
    Response.Status known = Response.Status.fromStatusCode(status);
    return known != null
        ? known.getReasonPhrase()
        : status == 422
            ? "Unprocessable Content"
            : status == 507 ? "Insufficient Storage" : "Error";
  }
}
