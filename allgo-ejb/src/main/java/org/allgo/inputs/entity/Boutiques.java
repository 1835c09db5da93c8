package org.allgo.inputs.entity;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.allgo.platform.BusinessException;

/**
 * A description read from and written to a Boutiques descriptor (the subset allgo supports: name,
 * tool-version, command-line and inputs of type String, Number, Flag and File with their value-key,
 * optional, list, command-line-flag, default-value, value-choices, integer, minimum, maximum and
 * description). Anything else in an input is refused with the property named.
 */
public final class Boutiques {

  private static final Set<String> INPUT_KEYS =
      Set.of(
          "id",
          "name",
          "type",
          "value-key",
          "description",
          "optional",
          "list",
          "command-line-flag",
          "default-value",
          "value-choices",
          "integer",
          "minimum",
          "maximum",
          "pattern");

  private Boutiques() {}

  /** The description of a descriptor kept as JSON text. */
  public static InputDescription read(String descriptor) {
    try (jakarta.json.JsonReader reader =
        jakarta.json.Json.createReader(new java.io.StringReader(descriptor))) {
      return read(reader.readObject());
    }
  }

  /** Values by name, kept as JSON text, as Java values ({@link #java}). */
  public static java.util.Map<String, Object> values(String json) {
    try (jakarta.json.JsonReader reader =
        jakarta.json.Json.createReader(new java.io.StringReader(json))) {
      return values(reader.readObject());
    }
  }

  /** Values by name, as a request gives them, as Java values ({@link #java}). */
  public static java.util.Map<String, Object> values(JsonObject json) {
    java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
    json.forEach((name, value) -> values.put(name, java(value)));
    return values;
  }

  /** Values by name as JSON text. */
  public static String valuesJson(java.util.Map<String, Object> values) {
    JsonObjectBuilder json = jakarta.json.Json.createObjectBuilder();
    values.forEach((name, value) -> json.add(name, json(value)));
    return json.build().toString();
  }

  /** The description of this descriptor; refuses what allgo does not support. */
  public static InputDescription read(JsonObject descriptor) {
    String commandLine = required(descriptor, "command-line", "the descriptor");
    List<InputSpec> inputs = new ArrayList<>();
    JsonArray array = descriptor.getJsonArray("inputs");
    for (JsonValue value : array == null ? JsonValue.EMPTY_JSON_ARRAY : array) {
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw invalid("Each input of the descriptor must be an object.");
      }
      inputs.add(input(value.asJsonObject()));
    }
    for (InputSpec input : inputs) {
      if (!commandLine.contains(input.valueKey())) {
        throw invalid(
            "The command line does not place input " + input.id() + " (" + input.valueKey() + ").");
      }
    }
    return new InputDescription(
        required(descriptor, "name", "the descriptor"),
        descriptor.getString("tool-version", null),
        commandLine,
        inputs);
  }

  private static InputSpec input(JsonObject json) {
    String id = required(json, "id", "an input");
    for (String key : json.keySet()) {
      if (!INPUT_KEYS.contains(key)) {
        throw invalid("Input " + id + ": allgo does not support the property " + key + ".");
      }
    }
    String type = required(json, "type", "input " + id);
    InputKind kind = InputKind.ofBoutiques(type);
    if (kind == null) {
      throw invalid("Input " + id + ": the type " + type + " is not supported.");
    }
    List<Object> choices = new ArrayList<>();
    JsonArray array = json.getJsonArray("value-choices");
    for (JsonValue choice : array == null ? JsonValue.EMPTY_JSON_ARRAY : array) {
      choices.add(java(choice));
    }
    return new InputSpec(
        id,
        json.getString("name", id),
        kind,
        required(json, "value-key", "input " + id),
        json.getString("description", null),
        json.getBoolean("optional", false),
        json.getBoolean("list", false),
        json.getString("command-line-flag", null),
        json.containsKey("default-value") ? java(json.get("default-value")) : null,
        choices,
        json.getBoolean("integer", false),
        number(json, "minimum"),
        number(json, "maximum"),
        json.getString("pattern", null));
  }

  /** The descriptor of this description. */
  public static JsonObject write(InputDescription description) {
    JsonObjectBuilder descriptor = Json.createObjectBuilder().add("name", description.name());
    if (description.toolVersion() != null) {
      descriptor.add("tool-version", description.toolVersion());
    }
    descriptor.add("schema-version", "0.5").add("command-line", description.commandLine());
    JsonArrayBuilder inputs = Json.createArrayBuilder();
    for (InputSpec input : description.inputs()) {
      inputs.add(write(input));
    }
    return descriptor.add("inputs", inputs).build();
  }

  private static JsonObject write(InputSpec input) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("id", input.id())
            .add("name", input.name())
            .add("type", input.kind().boutiques())
            .add("value-key", input.valueKey());
    optional(json, "description", input.description());
    if (input.optional()) {
      json.add("optional", true);
    }
    if (input.list()) {
      json.add("list", true);
    }
    optional(json, "command-line-flag", input.flag());
    if (input.defaultValue() != null) {
      json.add("default-value", json(input.defaultValue()));
    }
    if (!input.choices().isEmpty()) {
      JsonArrayBuilder choices = Json.createArrayBuilder();
      input.choices().forEach(c -> choices.add(json(c)));
      json.add("value-choices", choices);
    }
    if (input.integer()) {
      json.add("integer", true);
    }
    if (input.minimum() != null) {
      json.add("minimum", json(input.minimum()));
    }
    if (input.maximum() != null) {
      json.add("maximum", json(input.maximum()));
    }
    optional(json, "pattern", input.pattern());
    return json.build();
  }

  /** The Java value of a JSON value: String, BigDecimal, Boolean, or a List of them. */
  public static Object java(JsonValue value) {
    return switch (value.getValueType()) {
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> ((JsonNumber) value).bigDecimalValue();
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case ARRAY -> value.asJsonArray().stream().map(Boutiques::java).toList();
      case NULL -> null;
      case OBJECT -> throw invalid("An object is not a value an input takes.");
    };
  }

  /** The JSON value of a Java value as {@link #java} gives it. */
  public static JsonValue json(Object value) {
    if (value instanceof Boolean b) {
      return b ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (value instanceof Number n) {
      BigDecimal d = new BigDecimal(n.toString()).stripTrailingZeros();
      return d.scale() <= 0 ? Json.createValue(d.toBigIntegerExact()) : Json.createValue(d);
    }
    if (value instanceof List<?> list) {
      JsonArrayBuilder array = Json.createArrayBuilder();
      list.forEach(one -> array.add(json(one)));
      return array.build();
    }
    return Json.createValue(value.toString());
  }

  private static void optional(JsonObjectBuilder json, String key, String value) {
    if (value != null) {
      json.add(key, value);
    }
  }

  private static Double number(JsonObject json, String key) {
    JsonValue value = json.get(key);
    if (value == null) {
      return null;
    }
    if (value.getValueType() != JsonValue.ValueType.NUMBER) {
      throw invalid("The " + key + " of an input must be a number.");
    }
    return ((JsonNumber) value).doubleValue();
  }

  private static String required(JsonObject json, String key, String what) {
    JsonValue value = json.get(key);
    if (!(value instanceof JsonString text) || text.getString().isBlank()) {
      throw invalid("The " + key + " of " + what + " is missing.");
    }
    return text.getString();
  }

  private static BusinessException invalid(String message) {
    return BusinessException.invalid("invalid-descriptor", message);
  }
}
