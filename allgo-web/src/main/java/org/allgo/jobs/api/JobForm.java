package org.allgo.jobs.api;

import jakarta.ws.rs.core.EntityPart;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
      if (part.getFileName().isPresent()) {
        String name = part.getFileName().get();
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
