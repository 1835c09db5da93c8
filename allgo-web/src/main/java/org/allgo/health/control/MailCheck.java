package org.allgo.health.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import org.allgo.platform.Resources;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The SMTP server of the mail session accepts a connection. */
@Readiness
@ApplicationScoped
public class MailCheck implements HealthCheck {

  @Resource(lookup = Resources.MAIL)
  Session mail;

  @Override
  public HealthCheckResponse call() {
    return Checks.check(
        "mail",
        up -> {
          try (Transport transport = mail.getTransport("smtp")) {
            transport.connect();
            String host = mail.getProperty("mail.smtp.host");
            up.withData(
                "smtp",
                (host != null ? host : mail.getProperty("mail.host"))
                    + ":"
                    + mail.getProperty("mail.smtp.port"));
          }
        });
  }
}
