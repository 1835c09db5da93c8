package org.allgo.connector.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.StreamSupport;

/** The JSON of create requests and service specs, as the Engine API writes them. */
final class SpecJson {

  static final ObjectMapper JSON = new ObjectMapper();

  private SpecJson() {}

  /** Whether the request sets this value: not missing, null, false, empty. */
  static boolean isSet(JsonNode value) {
    return !(value.isMissingNode()
        || value.isNull()
        || (value.isBoolean() && !value.asBoolean())
        || (value.isContainerNode() && value.isEmpty())
        || (value.isTextual() && value.asText().isEmpty()));
  }

  /** Copies a text that is set to {@code target}. */
  static void copyText(JsonNode from, String field, ObjectNode to, String target) {
    String text = from.path(field).asText("");
    if (!text.isEmpty()) {
      to.put(target, text);
    }
  }

  /** The texts of an array; none when it is not one. */
  static List<String> strings(JsonNode array) {
    if (!array.isArray()) {
      return List.of();
    }
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  static ArrayNode array(List<String> values) {
    ArrayNode array = JSON.createArrayNode();
    values.forEach(array::add);
    return array;
  }
}
