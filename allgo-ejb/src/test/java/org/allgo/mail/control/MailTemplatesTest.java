package org.allgo.mail.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.allgo.mail.entity.Mail;
import org.allgo.mail.entity.MailTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MailTemplatesTest {

  private static final Map<String, String> VALUES =
      Map.ofEntries(
          Map.entry("name", "Ada <Lovelace>"),
          Map.entry("link", "http://localhost:8080/x?t=a&b"),
          Map.entry("job", "42"),
          Map.entry("webapp", "sleep"),
          Map.entry("state", "DONE"),
          Map.entry("duration", "3 s"),
          Map.entry("idle", "24 hours"),
          Map.entry("after", "3 minutes"),
          Map.entry("reset", "http://localhost:8080/users/password/new"));

  @ParameterizedTest
  @EnumSource(MailTemplate.class)
  void everyTemplateHasASubjectATextAndAnHtmlBody(MailTemplate template) {
    RenderedMail mail = MailTemplates.render(template, VALUES);

    assertThat(mail.subject()).isNotBlank().doesNotContain("{{");
    assertThat(mail.text())
        .contains("Ada <Lovelace>")
        .contains(VALUES.get("link"))
        .doesNotContain("{{");
    assertThat(mail.html())
        .startsWith("<!DOCTYPE html>")
        .contains("Ada &lt;Lovelace&gt;")
        .contains("href=\"http://localhost:8080/x?t=a&amp;b\"")
        .doesNotContain("{{");
  }

  @Test
  void jobFinishedNamesTheJobInItsSubject() {
    assertThat(MailTemplates.render(MailTemplate.JOB_FINISHED, VALUES).subject())
        .isEqualTo("allgo job 42 (sleep) is DONE");
  }

  @Test
  void aMailNeedsTheValuesOfItsTemplate() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Mail("a@b.org", MailTemplate.CONFIRMATION, Map.of("name", "A")));
  }
}
