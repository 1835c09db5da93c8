package org.allgo.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Keeps a schema of the document to what it says: a reference alone ({@code "JobView[]"}: a list of
 * them), and none of the settings Payara writes at their defaults ({@code maxProperties: 0}, {@code
 * nullable: false}, ...), nor properties on what is not an object.
 */
final class SchemaTidy {

  private SchemaTidy() {}

  /** Payara writes a long as a number; the API takes no fractional parameter. */
  static void whole(Schema schema) {
    tidy(schema);
    if (schema != null
        && schema.getType() == Schema.SchemaType.NUMBER
        && schema.getFormat() == null) {
      schema.type(Schema.SchemaType.INTEGER).format("int64");
    }
  }

  /** A reference alone (a list of them with type array), and no setting left at its default. */
  static void tidy(Schema schema) {
    if (schema == null) {
      return;
    }
    if (schema.getRef() != null) {
      String ref = schema.getRef();
      clear(schema);
      if (ref.endsWith("[]")) {
        schema.setRef(null);
        schema
            .type(Schema.SchemaType.ARRAY)
            .items(OASFactory.createSchema().ref(ref.substring(0, ref.length() - 2)));
      } else {
        schema.setRef(ref);
      }
      return;
    }
    if (schema.getType() != null && schema.getType() != Schema.SchemaType.OBJECT) {
      schema.setProperties(null);
      schema.setRequired(null);
    }
    if (Integer.valueOf(0).equals(schema.getMaxProperties())) {
      schema.setMaxProperties(null);
    }
    if (Integer.valueOf(0).equals(schema.getMinProperties())) {
      schema.setMinProperties(null);
    }
    if (Integer.valueOf(0).equals(schema.getMinLength())) {
      schema.setMinLength(null);
    }
    if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
      schema.setExclusiveMaximum(null);
    }
    if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
      schema.setExclusiveMinimum(null);
    }
    if (Boolean.FALSE.equals(schema.getUniqueItems())) {
      schema.setUniqueItems(null);
    }
    if (Boolean.FALSE.equals(schema.getNullable())) {
      schema.setNullable(null);
    }
    if (Boolean.FALSE.equals(schema.getReadOnly())) {
      schema.setReadOnly(null);
    }
    if (Boolean.FALSE.equals(schema.getWriteOnly())) {
      schema.setWriteOnly(null);
    }
    if (Boolean.FALSE.equals(schema.getDeprecated())) {
      schema.setDeprecated(null);
    }
    if (schema.getType() != Schema.SchemaType.ARRAY) {
      schema.setItems(null);
    }
    tidy(schema.getItems());
    if (schema.getProperties() != null) {
      schema.getProperties().values().forEach(SchemaTidy::tidy);
    }
    if (schema.getAllOf() != null) {
      schema.getAllOf().forEach(SchemaTidy::tidy);
    }
  }

  private static void clear(Schema schema) {
    schema.setType(null);
    schema.setItems(null);
    schema.setProperties(null);
    schema.setDescription(null);
    schema.setFormat(null);
    schema.setRequired(null);
    schema.setMaxProperties(null);
    schema.setMinProperties(null);
    schema.setMinLength(null);
    schema.setExclusiveMaximum(null);
    schema.setExclusiveMinimum(null);
    schema.setUniqueItems(null);
    schema.setNullable(null);
    schema.setReadOnly(null);
    schema.setWriteOnly(null);
    schema.setDeprecated(null);
  }
}
