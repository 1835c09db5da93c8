package org.allgo.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The error answers of every API operation, written once for all: the refusals every request may
 * meet (the token, the rate limit, the database, the body's size, who may call it, as its {@code
 * x-allgo-access} says) are added to those the resource declares, and each error's body is named:
 * the {@code Problem} schema ({@code application/problem+json}, RFC 9457) under {@code /api/v2},
 * {@code V1Error} ({@code {"error": ...}}) under {@code /api/v1}. Security requirements follow the
 * same declaration: the bearer token for v2, the original {@code Token token=} form for v1.
 * Payara's {@code default} answer, typed as any object, is dropped where the operation declares its
 * own.
 */
final class OpenApiResponses {

  static final String PROBLEM = "Problem";
  static final String V1_ERROR = "V1Error";

  private static final String ACCESS = "x-allgo-access";

  private OpenApiResponses() {}

  static void describe(OpenAPI openApi) {
    Components components = openApi.getComponents();
    if (components == null) {
      components = OASFactory.createComponents();
      openApi.setComponents(components);
    }
    components.addSchema(PROBLEM, ProblemSchemas.problem());
    components.addSchema(V1_ERROR, ProblemSchemas.v1Error());
    if (openApi.getPaths() == null || openApi.getPaths().getPathItems() == null) {
      return;
    }
    openApi
        .getPaths()
        .getPathItems()
        .forEach(
            (path, item) ->
                item.getOperations().forEach((method, operation) -> describe(path, operation)));
  }

  private static void describe(String path, Operation operation) {
    if (!path.startsWith("/api/")) {
      return;
    }
    boolean v1 = path.startsWith("/api/v1/");
    APIResponses responses = operation.getResponses();
    if (responses == null) {
      responses = OASFactory.createAPIResponses();
      operation.setResponses(responses);
    }
    Map<String, APIResponse> declared =
        responses.getAPIResponses() == null ? Map.of() : responses.getAPIResponses();
    if (declared.keySet().stream().anyMatch(code -> code.startsWith("2"))) {
      responses.removeAPIResponse(APIResponses.DEFAULT);
    }
    String access = access(operation);
    boolean hasBody = operation.getRequestBody() != null;
    // A path parameter that does not match is no such thing (404); other parameters may be invalid.
    boolean hasParameters =
        operation.getParameters() != null
            && operation.getParameters().stream().anyMatch(p -> p.getIn() != Parameter.In.PATH);
    for (Map.Entry<String, String> error :
        errors(v1, access, path.contains("{"), hasBody, hasParameters).entrySet()) {
      if (!responses.hasAPIResponse(error.getKey())) {
        responses.addAPIResponse(
            error.getKey(), OASFactory.createAPIResponse().description(error.getValue()));
      }
    }
    responses
        .getAPIResponses()
        .forEach(
            (code, response) -> {
              if (code.startsWith("4") || code.startsWith("5")) {
                response.setContent(errorContent(v1));
              }
            });
    operation.setSecurity(
        List.of(
            OASFactory.createSecurityRequirement()
                .addScheme(v1 ? "v1Token" : "bearer", List.of())));
    if ("public".equals(access)) {
      operation.addSecurityRequirement(OASFactory.createSecurityRequirement());
    }
  }

  private static String access(Operation operation) {
    Object access =
        operation.getExtensions() == null ? null : operation.getExtensions().get(ACCESS);
    return access == null ? "" : access.toString();
  }

  /**
   * The refusals an operation may answer besides those it declares, by status, with what each
   * means.
   */
  static Map<String, String> errors(
      boolean v1, String access, boolean pathParameters, boolean body, boolean parameters) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (body || parameters) {
      errors.put(v1 ? "422" : "400", "A parameter or the body is not valid: nothing was changed.");
    }
    errors.put(
        "401",
        "public".equals(access)
            ? "The API token sent is not valid (send none, or a valid one)."
            : "No API token, or not a valid one.");
    switch (access) {
      case "superuser" -> errors.put("403", "Only superusers may do this.");
      case "owner" -> {
        errors.put("403", "The caller may see it, but only its owner and superusers may do this.");
        errors.put("404", "There is no such thing, or the caller may not know of it.");
      }
      case "private" -> errors.put("404", "There is no such thing, or it is another user's.");
      case "self" -> errors.put("404", "There is no such thing of the caller's.");
      default -> {
        if (pathParameters) {
          errors.put("404", "There is no such thing.");
        }
      }
    }
    if (body) {
      errors.put("413", "The body is larger than allowed.");
    }
    errors.put("429", "Too many requests from this caller: Retry-After says when to try again.");
    errors.put("500", "Something went wrong on the server; the detail names the incident.");
    errors.put(
        "503",
        "The database does not answer: nothing was changed; try again after Retry-After seconds.");
    return errors;
  }

  private static Content errorContent(boolean v1) {
    Schema schema =
        OASFactory.createSchema().ref("#/components/schemas/" + (v1 ? V1_ERROR : PROBLEM));
    return OASFactory.createContent()
        .addMediaType(
            v1 ? "application/json" : "application/problem+json",
            OASFactory.createMediaType().schema(schema));
  }
}
