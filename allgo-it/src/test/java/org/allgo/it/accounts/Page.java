package org.allgo.it.accounts;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Faces page as a browser sees it: its forms (with the hidden view state) and its messages. Form
 * fields are named {@code formId:fieldId}, buttons {@code formId:submit}.
 */
final class Page {

  private static final Pattern FORM =
      Pattern.compile(
          "<form id=\"([^\"]+)\"[^>]*action=\"([^\"]*)\"[^>]*>(.*?)</form>", Pattern.DOTALL);
  private static final Pattern INPUT = Pattern.compile("<input([^>]*)/?>", Pattern.DOTALL);
  private static final Pattern ATTRIBUTE = Pattern.compile("([a-z]+)=\"([^\"]*)\"");
  private static final Pattern MESSAGES =
      Pattern.compile("<ul id=\"messages\"[^>]*>(.*?)</ul>", Pattern.DOTALL);

  final HttpResponse<String> response;

  Page(HttpResponse<String> response) {
    this.response = response;
  }

  String html() {
    return response.body();
  }

  String path() {
    return response.uri().getPath();
  }

  /** The text of the page's messages (info and errors), or "" when it has none. */
  String messages() {
    Matcher m = MESSAGES.matcher(html());
    return m.find()
        ? decode(m.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip())
        : "";
  }

  boolean hasForm(String id) {
    return findForm(id) != null;
  }

  Form form(String id) {
    Form form = findForm(id);
    if (form == null) {
      throw new AssertionError("no form " + id + " on " + path() + ":\n" + html());
    }
    return form;
  }

  private Form findForm(String id) {
    Matcher m = FORM.matcher(html());
    while (m.find()) {
      if (m.group(1).equals(id)) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(m.group(3));
        while (input.find()) {
          Map<String, String> attributes = attributes(input.group(1));
          String type = attributes.getOrDefault("type", "text");
          if (attributes.containsKey("name")
              && !type.equals("submit")
              && (!type.equals("checkbox") || input.group(1).contains("checked"))) {
            fields.put(attributes.get("name"), decode(attributes.getOrDefault("value", "")));
          }
        }
        return new Form(id, decode(m.group(2)), fields);
      }
    }
    return null;
  }

  private static Map<String, String> attributes(String tag) {
    Map<String, String> attributes = new LinkedHashMap<>();
    Matcher m = ATTRIBUTE.matcher(tag);
    while (m.find()) {
      attributes.put(m.group(1), m.group(2));
    }
    return attributes;
  }

  static String decode(String html) {
    return html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  /** A form ready to submit, with the fields the page filled in. */
  static final class Form {
    private final String id;
    private final String action;
    private final Map<String, String> fields;

    Form(String id, String action, Map<String, String> fields) {
      this.id = id;
      this.action = action;
      this.fields = fields;
    }

    Form set(String field, String value) {
      fields.put(id + ":" + field, value);
      return this;
    }

    Form uncheck(String field) {
      fields.remove(id + ":" + field);
      return this;
    }

    /** Presses the button {@code formId:button} (default {@code submit}). */
    Page submit(Browser browser) {
      return press(browser, "submit");
    }

    Page press(Browser browser, String button) {
      Map<String, String> body = new LinkedHashMap<>(fields);
      body.put(button.contains(":") ? button : id + ":" + button, "x");
      return new Page(browser.postForm(action, body));
    }
  }
}
