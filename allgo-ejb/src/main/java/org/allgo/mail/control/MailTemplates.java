package org.allgo.mail.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.allgo.mail.entity.MailTemplate;

/**
 * Fills the templates under {@code mail/}: {@code {{key}}} is replaced by the value, escaped in the
 * HTML body. The first line of the text template is the subject.
 */
public final class MailTemplates {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z]+)}}");
  private static final String SUBJECT = "Subject:";

  private MailTemplates() {}

  public static RenderedMail render(MailTemplate template, Map<String, String> values) {
    String text = load(template, "txt");
    int end = text.indexOf('\n');
    if (!text.startsWith(SUBJECT) || end < 0) {
      throw new IllegalStateException(
          "mail/" + template.resource() + ".txt must start with a Subject: line");
    }
    String subject = fill(text.substring(SUBJECT.length(), end).strip(), values, false);
    return new RenderedMail(
        subject,
        fill(text.substring(end + 1), values, false),
        fill(load(template, "html"), values, true));
  }

  private static String fill(String template, Map<String, String> values, boolean html) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException("no value for {{" + m.group(1) + "}}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(html ? escape(value) : value));
    }
    m.appendTail(out);
    return out.toString();
  }

  static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String load(MailTemplate template, String extension) {
    String path = "mail/" + template.resource() + "." + extension;
    try (InputStream in = MailTemplates.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing mail template " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read mail template " + path, e);
    }
  }
}
