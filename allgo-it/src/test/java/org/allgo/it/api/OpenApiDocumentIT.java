package org.allgo.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.allgo.it.Api;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document as a client generator reads it: valid under the OpenAPI schema
 * (swagger-parser, as openapi-generator reads it), every operation named once and grouped by a tag,
 * each answer with its schema, every error a problem ({@code application/problem+json}) or, for v1,
 * its {@code {"error"}} body, the token schemes declared and required.
 */
class OpenApiDocumentIT {

  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private static JsonObject document;

  private static List<Map.Entry<String, JsonObject>> operations;

  private static String text;

  @BeforeAll
  static void readDocument() {
    Api.Response answer = Api.anonymous().call("GET", "/openapi", "application/json", null);
    assertThat(answer.status()).isEqualTo(200);
    text = answer.body();
    document = Json.createReader(new StringReader(answer.body())).readObject();
    operations = new ArrayList<>();
    document
        .getJsonObject("paths")
        .forEach(
            (path, item) ->
                item.asJsonObject()
                    .forEach(
                        (method, operation) -> {
                          if (METHODS.contains(method)) {
                            operations.add(
                                Map.entry(
                                    method.toUpperCase() + " " + path, operation.asJsonObject()));
                          }
                        }));
    assertThat(operations).hasSizeGreaterThan(40);
  }

  @Test
  void everyOperationHasItsOwnId() {
    Map<String, List<String>> byId = new HashMap<>();
    for (Map.Entry<String, JsonObject> operation : operations) {
      assertThat(operation.getValue().getString("operationId", ""))
          .as("operationId of %s", operation.getKey())
          .matches("[a-z][A-Za-z0-9]+");
      byId.computeIfAbsent(operation.getValue().getString("operationId"), id -> new ArrayList<>())
          .add(operation.getKey());
    }
    assertThat(byId).allSatisfy((id, named) -> assertThat(named).as(id).hasSize(1));
  }

  @Test
  void onlyTheKeysOfTheSchemaAtTheTop() {
    assertThat(document.keySet())
        .allMatch(
            key ->
                key.startsWith("x-")
                    || List.of(
                            "openapi",
                            "info",
                            "servers",
                            "tags",
                            "paths",
                            "components",
                            "security",
                            "externalDocs",
                            "webhooks",
                            "jsonSchemaDialect")
                        .contains(key),
            "a key the OpenAPI schema allows");
  }

  @Test
  void theTokensAsSecuritySchemes() {
    JsonObject schemes = document.getJsonObject("components").getJsonObject("securitySchemes");
    assertThat(schemes.getJsonObject("bearer").getString("scheme")).isEqualTo("bearer");
    assertThat(schemes.getJsonObject("v1Token").getString("name")).isEqualTo("Authorization");
  }

  @Test
  void everyTagDeclaredOnce() {
    List<String> names =
        document.getJsonArray("tags").stream()
            .map(tag -> tag.asJsonObject().getString("name"))
            .toList();
    assertThat(names).doesNotHaveDuplicates().isNotEmpty();
  }

  @Test
  void everyOperationHasATag() {
    assertThat(operations)
        .allSatisfy(
            o ->
                assertThat(
                        o.getValue().getOrDefault("tags", JsonValue.EMPTY_JSON_ARRAY).asJsonArray())
                    .as("tags of %s", o.getKey())
                    .isNotEmpty());
  }

  @Test
  void validUnderTheOpenApiSchema() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(text, null, options);
    assertThat(parsed.getMessages()).as("what the validator says").isEmpty();
    assertThat(parsed.getOpenAPI().getPaths()).hasSizeGreaterThan(30);
  }

  @Test
  void everyOperationAnswersWithItsSchema() {
    assertThat(operations)
        .allSatisfy(
            o -> {
              JsonObject responses = o.getValue().getJsonObject("responses");
              assertThat(responses.keySet())
                  .as("answers of %s", o.getKey())
                  .doesNotContain("default");
              List<String> success =
                  responses.keySet().stream().filter(code -> code.startsWith("2")).toList();
              assertThat(success).as("success answers of %s", o.getKey()).hasSize(1);
              String code = success.get(0);
              JsonObject content =
                  responses
                      .getJsonObject(code)
                      .getOrDefault("content", JsonValue.EMPTY_JSON_OBJECT)
                      .asJsonObject();
              if (code.equals("204")) {
                assertThat(content).as("content of %s %s", o.getKey(), code).isEmpty();
              } else {
                assertThat(content).as("content of %s %s", o.getKey(), code).isNotEmpty();
                content.values().forEach(type -> assertTyped(o.getKey(), type.asJsonObject()));
              }
            });
  }

  private static void assertTyped(String operation, JsonObject mediaType) {
    JsonObject schema = mediaType.getJsonObject("schema");
    assertThat(schema).as("schema of %s", operation).isNotNull();
    if (schema.containsKey("items")) {
      schema = schema.getJsonObject("items");
    }
    if (schema.containsKey("$ref")) {
      String name = schema.getString("$ref").substring("#/components/schemas/".length());
      schema = document.getJsonObject("components").getJsonObject("schemas").getJsonObject(name);
      assertThat(schema).as("schema %s of %s", name, operation).isNotNull();
      assertThat(schema.getJsonObject("properties"))
          .as("properties of %s, answered by %s", name, operation)
          .isNotEmpty();
    } else {
      assertThat(schema.getString("type", "")).as("type of %s", operation).isNotEqualTo("object");
    }
  }

  @Test
  void everySchemaSaysWhatItHolds() {
    JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
    assertThat(schemas.keySet()).contains("JobView", "FileLink", "Problem", "V1Error");
    schemas.forEach(
        (name, schema) -> {
          JsonObject s = schema.asJsonObject();
          if (s.getString("type", "object").equals("object") && !s.containsKey("enum")) {
            assertThat(s.getJsonObject("properties")).as("properties of %s", name).isNotEmpty();
          }
        });
    assertThat(schemas.getJsonObject("JobView").getJsonObject("properties").toString())
        .as("an instant is an ISO-8601 string")
        .contains("date-time");
  }

  @Test
  void everyErrorIsAProblem() {
    assertThat(operations)
        .allSatisfy(
            o -> {
              boolean v1 = o.getKey().contains(" /api/v1/");
              JsonObject responses = o.getValue().getJsonObject("responses");
              assertThat(responses.keySet())
                  .as("errors of %s", o.getKey())
                  .contains("401", "429", "500", "503");
              responses.forEach(
                  (code, response) -> {
                    if (code.startsWith("4") || code.startsWith("5")) {
                      JsonObject content = response.asJsonObject().getJsonObject("content");
                      String type = v1 ? "application/json" : "application/problem+json";
                      assertThat(content.keySet())
                          .as("%s %s", o.getKey(), code)
                          .containsExactly(type);
                      assertThat(
                              content.getJsonObject(type).getJsonObject("schema").getString("$ref"))
                          .isEqualTo("#/components/schemas/" + (v1 ? "V1Error" : "Problem"));
                    }
                  });
            });
    JsonObject problem =
        document.getJsonObject("components").getJsonObject("schemas").getJsonObject("Problem");
    assertThat(problem.getJsonObject("properties").keySet())
        .contains("type", "title", "status", "detail", "code");
  }

  @Test
  void everyOperationSaysWhichTokenItTakes() {
    assertThat(operations)
        .allSatisfy(
            o -> {
              String scheme = o.getKey().contains(" /api/v1/") ? "v1Token" : "bearer";
              assertThat(o.getValue().getJsonArray("security"))
                  .as("security of %s", o.getKey())
                  .anySatisfy(
                      requirement ->
                          assertThat(requirement.asJsonObject().keySet()).containsExactly(scheme));
            });
  }
}
