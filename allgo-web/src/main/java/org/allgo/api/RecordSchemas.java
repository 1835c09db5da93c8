package org.allgo.api;

import jakarta.json.bind.annotation.JsonbProperty;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The schema of a record as JSON-B writes it: a property per component, under its {@code
 * JsonbProperty} name; whole numbers as integers, instants as ISO-8601 strings, enums as their
 * names, lists as arrays, byte arrays as files (a multipart part), records as references to their
 * own schema, named after the class. A component's {@code @Schema} adds its description. Payara's
 * scanner sees the web module's classes only, and writes each setting of an {@code @Schema} it
 * reads, defaults included ({@code maxProperties: 0}): these schemas take the place of its own.
 */
final class RecordSchemas {

  private final Map<String, Schema> schemas;

  RecordSchemas(Map<String, Schema> schemas) {
    this.schemas = schemas;
  }

  /** Adds the record's schema, and those of the records it holds, by their simple names. */
  void add(Class<?> record) {
    if (schemas.containsKey(record.getSimpleName())) {
      return;
    }
    Schema schema = OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
    schemas.put(record.getSimpleName(), schema);
    org.eclipse.microprofile.openapi.annotations.media.Schema about =
        record.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
    if (about != null && !about.description().isEmpty()) {
      schema.description(about.description());
    }
    List<String> required = new ArrayList<>();
    for (RecordComponent component : record.getRecordComponents()) {
      String name = name(component);
      schema.addProperty(name, describe(component, of(component.getGenericType())));
      if (component.getType().isPrimitive()) {
        required.add(name);
      }
    }
    if (!required.isEmpty()) {
      schema.required(required);
    }
  }

  private static String name(RecordComponent component) {
    JsonbProperty property = component.getAccessor().getAnnotation(JsonbProperty.class);
    if (property == null) {
      property = component.getAnnotation(JsonbProperty.class);
    }
    return property != null && !property.value().isEmpty() ? property.value() : component.getName();
  }

  private static Schema describe(RecordComponent component, Schema schema) {
    org.eclipse.microprofile.openapi.annotations.media.Schema about =
        component.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
    if (about != null && !about.description().isEmpty()) {
      // A reference takes no siblings in OpenAPI 3.0: the description goes around it.
      return schema.getRef() == null
          ? schema.description(about.description())
          : OASFactory.createSchema().allOf(List.of(schema)).description(about.description());
    }
    return schema;
  }

  private Schema of(Type type) {
    if (type instanceof ParameterizedType generic
        && generic.getRawType() instanceof Class<?> raw
        && Collection.class.isAssignableFrom(raw)) {
      return OASFactory.createSchema()
          .type(Schema.SchemaType.ARRAY)
          .items(of(generic.getActualTypeArguments()[0]));
    }
    Class<?> c = type instanceof Class<?> raw ? raw : Object.class;
    if (c == String.class) {
      return simple(Schema.SchemaType.STRING, null);
    }
    if (c == long.class || c == Long.class) {
      return simple(Schema.SchemaType.INTEGER, "int64");
    }
    if (c == int.class || c == Integer.class) {
      return simple(Schema.SchemaType.INTEGER, "int32");
    }
    if (c == double.class || c == Double.class) {
      return simple(Schema.SchemaType.NUMBER, "double");
    }
    if (c == boolean.class || c == Boolean.class) {
      return simple(Schema.SchemaType.BOOLEAN, null);
    }
    if (c == Instant.class) {
      return simple(Schema.SchemaType.STRING, "date-time");
    }
    if (c == byte[].class) {
      return simple(Schema.SchemaType.STRING, "binary");
    }
    if (c.isEnum()) {
      return simple(Schema.SchemaType.STRING, null)
          .enumeration(
              Arrays.stream(c.getEnumConstants()).map(e -> (Object) ((Enum<?>) e).name()).toList());
    }
    if (c.isRecord()) {
      add(c);
      return OASFactory.createSchema().ref("#/components/schemas/" + c.getSimpleName());
    }
    return OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
  }

  private static Schema simple(Schema.SchemaType type, String format) {
    Schema schema = OASFactory.createSchema().type(type);
    return format == null ? schema : schema.format(format);
  }
}
