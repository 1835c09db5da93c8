package org.allgo.inputs.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.allgo.platform.BusinessException;
import org.junit.jupiter.api.Test;

class BoutiquesTest {

  static final String WC =
      """
      {"name": "wc", "tool-version": "9.1", "schema-version": "0.5",
       "command-line": "wc [MODE] [LINES] [FILES] --label=[LABEL]",
       "inputs": [
        {"id": "lines", "name": "Lines", "type": "Number", "value-key": "[LINES]",
         "description": "How many lines", "command-line-flag": "-n", "default-value": 10,
         "integer": true, "minimum": 1, "maximum": 100},
        {"id": "mode", "name": "Mode", "type": "String", "value-key": "[MODE]",
         "value-choices": ["fast", "slow"], "default-value": "fast"},
        {"id": "verbose", "name": "Verbose", "type": "Flag", "value-key": "[VERBOSE]",
         "optional": true, "command-line-flag": "-v"},
        {"id": "files", "name": "Files", "type": "File", "value-key": "[FILES]", "list": true},
        {"id": "label", "name": "Label", "type": "String", "value-key": "[LABEL]",
         "optional": true, "pattern": "[a-z ']+"}
       ]}
      """
          .replace("[MODE] [LINES]", "[MODE] [VERBOSE] [LINES]");

  static InputDescription wc() {
    return Boutiques.read(parse(WC));
  }

  static JsonObject parse(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }

  @Test
  void exportEqualsTheImportedDescriptor() {
    assertEquals(parse(WC), Boutiques.write(wc()));
  }

  @Test
  void argvKeepsSpacesAndQuotesInOneArgumentEach() {
    List<String> argv =
        wc().argv(
                Map.of(
                    "verbose",
                    true,
                    "lines",
                    new BigDecimal("5"),
                    "files",
                    List.of("my file.txt", "it's \"b\".txt"),
                    "label",
                    "a b 'c'"));
    assertEquals(
        List.of("fast", "-v", "-n", "5", "my file.txt", "it's \"b\".txt", "--label=a b 'c'"), argv);
  }

  @Test
  void absentOptionalInputsLeaveNoArgument() {
    assertEquals(
        List.of("fast", "-n", "10", "a.txt"), wc().argv(Map.of("files", List.of("a.txt"))));
  }

  @Test
  void eachInvalidValueNamesItsField() {
    Map<String, String> bad =
        Map.of(
            "lines",
            "\"x\"",
            "mode",
            "\"medium\"",
            "verbose",
            "\"yes\"",
            "label",
            "\"A1\"",
            "other",
            "1");
    for (Map.Entry<String, String> e : bad.entrySet()) {
      JsonObject json = parse("{\"files\": [\"a\"], \"" + e.getKey() + "\": " + e.getValue() + "}");
      List<FieldError> errors = wc().check(values(json));
      assertEquals(1, errors.size(), errors.toString());
      assertEquals(e.getKey(), errors.get(0).field());
    }
    assertEquals(List.of(new FieldError("files", "A value is required.")), wc().check(Map.of()));
    assertEquals(
        "The value must be at most 100.",
        wc().check(values(parse("{\"files\": [\"a\"], \"lines\": 101}"))).get(0).message());
    assertEquals(
        "A whole number is expected.",
        wc().check(values(parse("{\"files\": [\"a\"], \"lines\": 2.5}"))).get(0).message());
    assertTrue(wc().check(values(parse("{\"files\": [\"a\"], \"lines\": 100}"))).isEmpty());
  }

  @Test
  void unsupportedPartsOfADescriptorAreRefusedByName() {
    BusinessException e =
        assertThrows(
            BusinessException.class,
            () ->
                Boutiques.read(
                    parse(
                        "{\"name\": \"x\", \"command-line\": \"x [A]\", \"inputs\": [{\"id\": \"a\","
                            + " \"type\": \"String\", \"value-key\": \"[A]\", \"uses-absolute-path\": true}]}")));
    assertTrue(e.getMessage().contains("uses-absolute-path"), e.getMessage());
    e =
        assertThrows(
            BusinessException.class,
            () ->
                Boutiques.read(
                    parse(
                        "{\"name\": \"x\", \"command-line\": \"x\", \"inputs\": [{\"id\": \"a\","
                            + " \"type\": \"String\", \"value-key\": \"[A]\"}]}")));
    assertTrue(e.getMessage().contains("[A]"), e.getMessage());
  }

  @Test
  void schemaDescribesEachInput() {
    JsonObject schema = InputSchema.of(wc());
    assertEquals(List.of(Json.createValue("files")), schema.getJsonArray("required"));
    JsonObject lines = schema.getJsonObject("properties").getJsonObject("lines");
    assertEquals("integer", lines.getString("type"));
    assertEquals(100, lines.getInt("maximum"));
    assertEquals(
        "array", schema.getJsonObject("properties").getJsonObject("files").getString("type"));
    assertEquals(
        List.of(Json.createValue("fast"), Json.createValue("slow")),
        schema.getJsonObject("properties").getJsonObject("mode").getJsonArray("enum"));
  }

  private static Map<String, Object> values(JsonObject json) {
    java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
    json.forEach((k, v) -> values.put(k, Boutiques.java(v)));
    return values;
  }
}
