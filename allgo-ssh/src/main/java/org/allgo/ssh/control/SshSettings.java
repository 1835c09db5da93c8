package org.allgo.ssh.control;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the SSH front end is set up.
 *
 * @param host the address to listen on, {@code 0.0.0.0} for all
 * @param port the port; 0 picks a free one
 * @param environment the environment name, prefix of the sandboxes' container names
 * @param baseUrl the web UI's public address, named in messages
 * @param hostKey the host key file, made on first start and kept
 * @param toolbox where the toolbox is mounted in sandboxes
 * @param logins how those who have not signed in yet are held back
 */
public record SshSettings(
    String host,
    int port,
    String environment,
    String baseUrl,
    Path hostKey,
    int maxSessionsPerWebapp,
    Duration idleTimeout,
    int maxAuthAttempts,
    String toolbox,
    LoginLimits logins) {

  public static final int DEFAULT_PORT = 2222;
  public static final int DEFAULT_MAX_SESSIONS = 10;
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(30);
  public static final int DEFAULT_MAX_AUTH_ATTEMPTS = 6;
  public static final String DEFAULT_TOOLBOX = "/.toolbox";

  public SshSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(hostKey, "hostKey");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(toolbox, "toolbox");
    Objects.requireNonNull(logins, "logins");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("Invalid port " + port);
    }
    if (maxSessionsPerWebapp < 1 || maxAuthAttempts < 1) {
      throw new IllegalArgumentException("Limits must be positive");
    }
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /**
   * The defaults for an environment whose data root is {@code data}: host key in {@code rw/ssh/}.
   */
  public static SshSettings of(String environment, Path data, String baseUrl) {
    return new SshSettings(
        "0.0.0.0",
        DEFAULT_PORT,
        environment,
        baseUrl,
        hostKeyUnder(data),
        DEFAULT_MAX_SESSIONS,
        DEFAULT_IDLE_TIMEOUT,
        DEFAULT_MAX_AUTH_ATTEMPTS,
        DEFAULT_TOOLBOX,
        LoginLimits.DEFAULT);
  }

  public static Path hostKeyUnder(Path data) {
    return data.resolve("rw").resolve("ssh").resolve("ssh_host_ec_key");
  }

  public SshSettings withListener(String newHost, int newPort) {
    return new SshSettings(
        newHost,
        newPort,
        environment,
        baseUrl,
        hostKey,
        maxSessionsPerWebapp,
        idleTimeout,
        maxAuthAttempts,
        toolbox,
        logins);
  }

  public SshSettings withLimits(int sessions, Duration idle, int authAttempts) {
    return new SshSettings(
        host, port, environment, baseUrl, hostKey, sessions, idle, authAttempts, toolbox, logins);
  }

  public SshSettings withLogins(LoginLimits value) {
    return new SshSettings(
        host,
        port,
        environment,
        baseUrl,
        hostKey,
        maxSessionsPerWebapp,
        idleTimeout,
        maxAuthAttempts,
        toolbox,
        value);
  }

  /** The container of a webapp's sandbox. */
  public String sandboxName(String webapp) {
    return environment + "-user-" + webapp;
  }

  /** The page where the webapp's sandbox is started. */
  public String webappPage(String webapp) {
    return baseUrl + "/webapps/manage?name=" + webapp;
  }
}
