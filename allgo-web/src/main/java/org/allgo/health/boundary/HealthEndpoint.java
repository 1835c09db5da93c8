package org.allgo.health.boundary;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health} (every check), {@code /health/ready} and {@code /health/live}, in MicroProfile
 * Health's JSON: 200 when every check is UP, else 503. A stranger gets only {@code status}; each
 * check with its data (versions, reasons) goes to superusers and to requests from loopback (the
 * operator's scripts). The server's own endpoint, with the same checks, answers on the admin port.
 */
@WebServlet(urlPatterns = {"/health", "/health/*"})
public class HealthEndpoint extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject @Any transient Instance<HealthCheck> checks;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String kind = request.getPathInfo() == null ? "/" : request.getPathInfo();
    List<HealthCheckResponse> results = new ArrayList<>();
    switch (kind) {
      case "/", "" -> {
        run(Readiness.Literal.INSTANCE, results);
        run(Liveness.Literal.INSTANCE, results);
      }
      case "/ready" -> run(Readiness.Literal.INSTANCE, results);
      case "/live" -> run(Liveness.Literal.INSTANCE, results);
      default -> {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
        return;
      }
    }
    boolean up = results.stream().allMatch(r -> r.getStatus() == HealthCheckResponse.Status.UP);
    JsonObjectBuilder body = Json.createObjectBuilder().add("status", up ? "UP" : "DOWN");
    if (mayReadDetails(request)) {
      JsonArrayBuilder list = Json.createArrayBuilder();
      results.forEach(result -> list.add(json(result)));
      body.add("checks", list);
    }
    response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write(body.build().toString());
  }

  private void run(Annotation kind, List<HealthCheckResponse> results) {
    for (HealthCheck check : checks.select(kind)) {
      results.add(check.call());
    }
  }

  private static boolean mayReadDetails(HttpServletRequest request) throws IOException {
    return request.isUserInRole("superuser")
        || InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
  }

  private static JsonObjectBuilder json(HealthCheckResponse result) {
    JsonObjectBuilder check =
        Json.createObjectBuilder()
            .add("name", result.getName())
            .add("status", result.getStatus().name());
    result
        .getData()
        .ifPresent(
            data -> {
              JsonObjectBuilder values = Json.createObjectBuilder();
              for (Map.Entry<String, Object> entry : data.entrySet()) {
                Object value = entry.getValue();
                if (value instanceof Long number) {
                  values.add(entry.getKey(), number);
                } else if (value instanceof Boolean flag) {
                  values.add(entry.getKey(), flag);
                } else {
                  values.add(entry.getKey(), String.valueOf(value));
                }
              }
              check.add("data", values);
            });
    return check;
  }
}
