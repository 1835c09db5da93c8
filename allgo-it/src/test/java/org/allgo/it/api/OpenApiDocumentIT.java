package org.allgo.it.api;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The OpenAPI document as a client generator reads it: every operation named once, and grouped by a
 * tag.
 */
class OpenApiDocumentIT {

  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private static JsonObject document;

  private static List<Map.Entry<String, JsonObject>> operations;

  @BeforeAll
  static void readDocument() {
    Api.Response answer = Api.anonymous().call("GET", "/openapi", "application/json", null);
    assertThat(answer.status()).isEqualTo(200);
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
}
