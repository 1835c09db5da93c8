package org.allgo.webapps.api;

/** The JSON bodies of the webapp resource's actions. */
public final class WebappPayloads {

  private WebappPayloads() {}

  /** Start a sandbox from a base image (by name) or from a ready version (by number). */
  public record SandboxStart(String baseImage, String version) {}

  /** A version to commit: its number, and what changed. */
  public record Commit(String number, String description) {}

  /** The version jobs run; {@code null} for the newest ready one. */
  public record Pin(String number) {}

  /** Whether the webapp's sandbox and jobs may reach the network. */
  public record Network(boolean allowed) {}
}
