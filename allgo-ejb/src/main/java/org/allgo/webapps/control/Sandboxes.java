package org.allgo.webapps.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.allgo.connector.api.ContainerInfo;
import org.allgo.connector.api.ContainerSpec;
import org.allgo.connector.api.DockerConnection;
import org.allgo.connector.api.DockerConnectionFactory;
import org.allgo.connector.api.DockerException;
import org.allgo.connector.api.ExecSession;
import org.allgo.connector.api.ExecSpec;
import org.allgo.connector.api.ImageRef;
import org.allgo.connector.api.Limits;
import org.allgo.connector.api.Mount;
import org.allgo.connector.api.Privileges;
import org.allgo.platform.Resources;
import org.allgo.platform.control.LoopbackHosts;
import org.allgo.webapps.entity.Webapp;

/**
 * Sandboxes and version images on the Docker engine, through the connector. A sandbox is a
 * long-lived container with the toolbox mounted at {@code /.toolbox}; authors reach it over SSH.
 */
@Dependent
public class Sandboxes {

  static final String TOOLBOX = "/.toolbox";
  static final String PATH =
      "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:" + TOOLBOX + "/bin";
  private static final long SANDBOX_PIDS = 1024;
  private static final double SANDBOX_CPUS = 1.0;

  @Resource(lookup = Resources.DOCKER)
  DockerConnectionFactory docker;

  @Inject WebappSettings settings;

  @Inject LoopbackHosts hosts;

  /** Starts the webapp's sandbox from {@code image}, replacing a stopped or stale one. */
  public void start(Webapp webapp, ImageRef image) {
    String name = settings.sandboxName(webapp.dockerName());
    try (DockerConnection connection = docker.getConnection()) {
      connection.find(name).ifPresent(old -> connection.remove(old.id()));
      if (image.repository().startsWith(settings.registry() + "/")
          && connection.findImage(image).isEmpty()) {
        connection.pull(image);
      }
      ContainerSpec spec =
          ContainerSpec.of(name, image, List.of(TOOLBOX + "/bin/sleep", "2147483647"))
              .withMount(Mount.readOnly(settings.toolbox().toString(), TOOLBOX))
              .withEnv("PATH", PATH)
              .withEnv("HOME", "/root")
              .withLimits(Limits.of((long) webapp.memoryMb() << 20, SANDBOX_CPUS, SANDBOX_PIDS))
              .withNetwork(webapp.networkAllowed() ? "bridge" : settings.sandboxNetwork())
              .withLabel("allgo.role", "sandbox")
              .withLabel("allgo.webapp", webapp.dockerName())
              // Authors install software as root inside: what apt-get, dpkg and pip need, no more.
              .withPrivileges(Privileges.INSTALLING);
      connection.run(hosts.mountedIn(spec));
    }
  }

  /** Removes the sandbox container; does nothing when there is none. */
  public void stop(Webapp webapp) {
    String name = settings.sandboxName(webapp.dockerName());
    try (DockerConnection connection = docker.getConnection()) {
      connection.find(name).ifPresent(c -> connection.remove(c.id()));
    }
  }

  public Optional<ContainerInfo> find(Webapp webapp) {
    try (DockerConnection connection = docker.getConnection()) {
      return connection.find(settings.sandboxName(webapp.dockerName()));
    }
  }

  /** What the sandbox wrote in its own file system, in bytes; empty when there is none. */
  public Optional<Long> diskUse(Webapp webapp) {
    try (DockerConnection connection = docker.getConnection()) {
      return connection
          .find(settings.sandboxName(webapp.dockerName()))
          .map(sandbox -> connection.diskUse(sandbox.id()));
    }
  }

  public boolean running(Webapp webapp) {
    return find(webapp).map(ContainerInfo::running).orElse(false);
  }

  /**
   * Runs {@code argv} in the sandbox with {@code input} on its stdin; returns its exit code. Used
   * to prepare the development data, never with text from users.
   */
  public long exec(Webapp webapp, String input, String... argv) {
    return exec(webapp, input, ExecSpec.of(argv), Duration.ofMinutes(1));
  }

  private long exec(Webapp webapp, String input, ExecSpec spec, Duration timeout) {
    try (DockerConnection connection = docker.getConnection();
        ExecSession session = connection.exec(settings.sandboxName(webapp.dockerName()), spec)) {
      if (!input.isEmpty()) {
        try {
          OutputStream stdin = session.stdin();
          stdin.write(input.getBytes(StandardCharsets.UTF_8));
          stdin.flush();
        } catch (IOException e) {
          throw new DockerException("Could not write to the sandbox of " + webapp.dockerName(), e);
        }
      }
      session.closeStdin();
      return session.waitFor(timeout);
    }
  }

  /**
   * Whether the running sandbox holds the webapp's program: its entrypoint a file the job user may
   * run, checked as the version check does in a committed image.
   */
  public boolean holdsProgram(Webapp webapp) {
    ExecSpec check =
        ExecSpec.of(TOOLBOX + "/bin/sh", "-c", VersionChecks.CHECK, "check", webapp.entrypoint())
            .withUser(VersionChecks.JOB_USER);
    return exec(webapp, "", check, Duration.ofSeconds(30)) == 0;
  }

  /** Commits the running sandbox as {@code target}. */
  public void commit(Webapp webapp, ImageRef target, Map<String, String> labels) {
    try (DockerConnection connection = docker.getConnection()) {
      ContainerInfo sandbox = connection.inspect(settings.sandboxName(webapp.dockerName()));
      connection.commit(sandbox.id(), target, labels);
    }
  }

  /** Pushes the image to the registry; returns the digest of the manifest pushed. */
  public String push(ImageRef image) {
    try (DockerConnection connection = docker.getConnection()) {
      return connection.push(image);
    }
  }

  /** Removes the local copy of a version's image; does nothing when there is none. */
  public void removeImage(ImageRef image) {
    try (DockerConnection connection = docker.getConnection()) {
      if (connection.findImage(image).isPresent()) {
        connection.removeImage(image);
      }
    }
  }
}
