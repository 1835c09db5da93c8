package org.allgo.jobs.api;

import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.allgo.platform.BusinessException;
import org.allgo.submission.entity.JobDraft;
import org.allgo.submission.entity.Upload;

/**
 * A job submission read from a multipart form: the parts with a file name are the files, the others
 * the fields. {@code fields} maps a field name to the draft's fields, so that another API version
 * can name them its own way.
 */
public record JobForm(JobDraft draft, List<Upload> uploads) {

  private static final int MAX_FIELD_BYTES = 16 * 1024;

  /**
   * Field names of a version of the API. {@code webappAlias} names the webapp when {@code webapp}
   * is absent (v1 clients send the name, the id, or both).
   */
  public record Fields(
      String webapp, String webappAlias, String param, String queue, String notifyByMail) {}

  public static final Fields V2 = new Fields("webapp", null, "param", "queue", "notify");

  /** The original platform's form, as its Python client sends it. */
  public static final Fields V1 =
      new Fields("job[webapp_name]", "job[webapp_id]", "job[param]", "job[queue]", "job[notify]");

  public static JobForm read(List<EntityPart> parts) {
    return read(parts, V2);
  }

  public static JobForm read(List<EntityPart> parts, Fields fields) {
    String webapp = null;
    String alias = null;
    String param = null;
    String queue = null;
    Boolean notify = null;
    List<Upload> uploads = new ArrayList<>();
    for (EntityPart part : parts == null ? List.<EntityPart>of() : parts) {
      if (part.getName() == null) {
        throw BusinessException.invalid(
            "invalid-part",
            "A part of the form has no name: each part needs a Content-Disposition header with"
                + " form-data and a name.");
      }
      if (part.getFileName().isPresent()) {
        String name = utf8(part.getFileName().get());
        if (!name.isEmpty()) {
          uploads.add(new Upload(name, part.getContent()));
        }
      } else if (part.getName().equals(fields.webapp())) {
        webapp = text(part).strip();
      } else if (part.getName().equals(fields.webappAlias())) {
        alias = text(part).strip();
      } else if (part.getName().equals(fields.param())) {
        param = text(part);
      } else if (part.getName().equals(fields.queue())) {
        queue = text(part).strip();
      } else if (part.getName().equals(fields.notifyByMail())) {
        notify = flag(text(part));
      }
    }
    return new JobForm(
        new JobDraft(webapp == null || webapp.isEmpty() ? alias : webapp, param, queue, notify),
        uploads);
  }

  /**
   * A file name as the client meant it. Browsers and HTTP clients send a file name's UTF-8 bytes as
   * they are in the part's header, which the multipart reader takes for ISO-8859-1 ({@code
   * café.txt} arrives as {@code cafÃ©.txt}): such a name is decoded again as UTF-8 when its bytes
   * are valid UTF-8, and kept as it came otherwise.
   */
  static String utf8(String name) {
    if (name.chars().anyMatch(c -> c > 0xFF) || name.chars().allMatch(c -> c < 0x80)) {
      return name;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(name.getBytes(StandardCharsets.ISO_8859_1)))
          .toString();
    } catch (CharacterCodingException e) {
      return name;
    }
  }

  /**
   * A submission without files, as a URL-encoded form ({@code application/x-www-form-urlencoded}).
   */
  public static JobForm read(MultivaluedMap<String, String> form, Fields fields) {
    String webapp = strip(form.getFirst(fields.webapp()));
    String alias = fields.webappAlias() == null ? null : strip(form.getFirst(fields.webappAlias()));
    String notify = form.getFirst(fields.notifyByMail());
    return new JobForm(
        new JobDraft(
            webapp == null || webapp.isEmpty() ? alias : webapp,
            form.getFirst(fields.param()),
            strip(form.getFirst(fields.queue())),
            notify == null ? null : flag(notify)),
        List.of());
  }

  private static String strip(String value) {
    return value == null ? null : value.strip();
  }

  private static String text(EntityPart part) {
    try (InputStream in = part.getContent()) {
      byte[] bytes = in.readNBytes(MAX_FIELD_BYTES + 1);
      if (bytes.length > MAX_FIELD_BYTES) {
        throw BusinessException.invalid(
            "field-too-long", "The field " + part.getName() + " is too long.");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Boolean flag(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "" -> null;
      case "true", "1", "on", "yes" -> true;
      case "false", "0", "off", "no" -> false;
      default -> throw BusinessException.invalid("invalid-notify", "notify is true or false.");
    };
  }
}
