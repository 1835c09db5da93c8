package org.allgo.health.control;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/** Turns a probe into a check response: UP with what it reported, or DOWN with the reason. */
final class Checks {

  private Checks() {}

  /** A probe fills the builder with data and throws when the part is not usable. */
  interface Probe {
    void run(HealthCheckResponseBuilder up) throws Exception;
  }

  static HealthCheckResponse check(String name, Probe probe) {
    HealthCheckResponseBuilder builder = HealthCheckResponse.named(name);
    try {
      probe.run(builder);
      return builder.up().build();
    } catch (Exception e) {
      return builder.down().withData("reason", reason(e)).build();
    }
  }

  static String reason(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage();
    String kind = cause.getClass().getSimpleName();
    return message == null || message.isBlank() ? kind : kind + ": " + message;
  }
}
