package org.allgo.api;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The schemas of the API's error bodies, as the OpenAPI document names them: {@code Problem}, the
 * RFC 9457 problem details of {@code /api/v2} (with allgo's own {@code code}, the same as the end
 * of {@code type}), and {@code V1Error}, the original platform's {@code {"error": message}}.
 */
final class ProblemSchemas {

  private ProblemSchemas() {}

  static Schema problem() {
    return OASFactory.createSchema()
        .type(Schema.SchemaType.OBJECT)
        .description("RFC 9457 problem details: what was refused and why. Nothing was changed.")
        .addProperty(
            "type", text("urn:allgo:problem:<code>, the kind of problem.").format("uri-reference"))
        .addProperty("title", text("The HTTP status's reason phrase."))
        .addProperty(
            "status",
            OASFactory.createSchema()
                .type(Schema.SchemaType.INTEGER)
                .format("int32")
                .description("The HTTP status."))
        .addProperty("detail", text("What happened, in a sentence for people."))
        .addProperty(
            "code", text("allgo's name of the problem, for programs (e.g. webapp-not-found)."))
        .addProperty(
            "errors",
            OASFactory.createSchema()
                .type(Schema.SchemaType.ARRAY)
                .description("When named fields of the request are refused: one entry per field.")
                .items(
                    OASFactory.createSchema()
                        .type(Schema.SchemaType.OBJECT)
                        .addProperty("field", text("The field, such as an input's name."))
                        .addProperty("detail", text("What is wrong with it."))
                        .required(List.of("field", "detail"))))
        .required(List.of("type", "title", "status", "detail", "code"));
  }

  static Schema v1Error() {
    return OASFactory.createSchema()
        .type(Schema.SchemaType.OBJECT)
        .description("The original platform's error body.")
        .addProperty("error", text("What happened, in a sentence."))
        .required(List.of("error"));
  }

  private static Schema text(String description) {
    return OASFactory.createSchema().type(Schema.SchemaType.STRING).description(description);
  }
}
