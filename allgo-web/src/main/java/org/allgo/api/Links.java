package org.allgo.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Absolute addresses of the application's paths, from its public base URL. */
@ApplicationScoped
public class Links {

  @Inject
  @ConfigProperty(name = "allgo.base-url", defaultValue = "http://localhost:8080")
  String baseUrl;

  /** The address of a path inside the application, such as {@code /api/v1/jobs/12}. */
  public String link(String path) {
    return (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + path;
  }
}
