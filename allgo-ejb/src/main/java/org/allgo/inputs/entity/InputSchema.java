package org.allgo.inputs.entity;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * The JSON Schema (draft 2020-12) of the {@code inputs} object a client sends for a description:
 * one property per input with its type, bounds, choices, pattern, default, title and description;
 * files are given by upload id (a string, or an array of them for a list).
 */
public final class InputSchema {

  private InputSchema() {}

  /** The schema of the inputs of this description. */
  public static JsonObject of(InputDescription description) {
    JsonObjectBuilder properties = Json.createObjectBuilder();
    JsonArrayBuilder required = Json.createArrayBuilder();
    for (InputSpec input : description.inputs()) {
      properties.add(input.id(), property(input));
      if (!input.optional() && input.defaultValue() == null && input.kind() != InputKind.FLAG) {
        required.add(input.id());
      }
    }
    return Json.createObjectBuilder()
        .add("$schema", "https://json-schema.org/draft/2020-12/schema")
        .add("title", description.name())
        .add("type", "object")
        .add("properties", properties)
        .add("required", required)
        .add("additionalProperties", false)
        .build();
  }

  private static JsonObject property(InputSpec input) {
    JsonObjectBuilder one = Json.createObjectBuilder();
    switch (input.kind()) {
      case FLAG -> one.add("type", "boolean");
      case NUMBER -> {
        one.add("type", input.integer() ? "integer" : "number");
        if (input.minimum() != null) {
          one.add("minimum", Boutiques.json(input.minimum()));
        }
        if (input.maximum() != null) {
          one.add("maximum", Boutiques.json(input.maximum()));
        }
      }
      case STRING -> {
        one.add("type", "string");
        if (input.pattern() != null) {
          one.add("pattern", "^(?:" + input.pattern() + ")$");
        }
      }
      case FILE -> one.add("type", "string").add("format", "allgo-upload-id");
    }
    if (!input.choices().isEmpty()) {
      JsonArrayBuilder choices = Json.createArrayBuilder();
      input.choices().forEach(c -> choices.add(Boutiques.json(c)));
      one.add("enum", choices);
    }
    JsonObjectBuilder property = one;
    if (input.list()) {
      property = Json.createObjectBuilder().add("type", "array").add("items", one);
    }
    property.add("title", input.name());
    if (input.description() != null) {
      property.add("description", input.description());
    }
    if (input.defaultValue() != null) {
      property.add("default", Boutiques.json(input.defaultValue()));
    }
    return property.build();
  }
}
