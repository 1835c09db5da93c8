package org.allgo.mail.entity;

import java.util.Map;
import java.util.Objects;

/**
 * A mail to send: fire it as a CDI event ({@code Event<Mail>}); it leaves once the current
 * transaction commits, and not at all if it rolls back.
 */
public record Mail(String to, MailTemplate template, Map<String, String> values) {

  public Mail {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(template, "template");
    values = Map.copyOf(values);
    if (!values.keySet().containsAll(template.keys())) {
      throw new IllegalArgumentException(
          "template " + template + " needs " + template.keys() + ", got " + values.keySet());
    }
  }
}
