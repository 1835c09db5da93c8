package org.allgo.webapps.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.allgo.connector.api.ImageRef;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The settings webapps depend on: environment, registry, data root, SSH front end, sandboxes. */
@ApplicationScoped
public class WebappSettings {

  @Inject
  @ConfigProperty(name = "allgo.env", defaultValue = "dev")
  String environment;

  @Inject
  @ConfigProperty(name = "allgo.registry", defaultValue = "127.0.0.1:5000")
  String registry;

  /**
   * The registry's HTTP API as this server reaches it, when not at {@code http://<registry>}: in a
   * container, the engine's {@code 127.0.0.1:<port>} is the host's loopback, not this server's.
   */
  @Inject
  @ConfigProperty(name = "allgo.registry.url")
  Optional<String> registryUrl;

  @Inject
  @ConfigProperty(name = "allgo.data", defaultValue = "var/dev")
  String data;

  @Inject
  @ConfigProperty(name = "allgo.ssh.host", defaultValue = "localhost")
  String sshHost;

  @Inject
  @ConfigProperty(name = "allgo.ssh.port", defaultValue = "2222")
  int sshPort;

  /** Docker network mode of sandboxes: none unless the operator opens it. */
  @Inject
  @ConfigProperty(name = "allgo.sandbox.network", defaultValue = "none")
  String sandboxNetwork;

  /** How long a sandbox may run after its last start or commit (ISO-8601, as PT24H or PT90S). */
  @Inject
  @ConfigProperty(name = "allgo.sandbox.idle-time", defaultValue = "PT24H")
  Duration sandboxIdleTime;

  public String environment() {
    return environment;
  }

  public String registry() {
    return registry;
  }

  /** The registry's HTTP API root for this server, without the final slash. */
  public URI registryApi() {
    String url = registryUrl.filter(u -> !u.isBlank()).orElse("http://" + registry);
    return URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
  }

  /** The sandbox container of a webapp, named as on the original platform. */
  public String sandboxName(String dockerName) {
    return environment + "-user-" + dockerName;
  }

  /** The container that checks a version's program is in its image and may be run. */
  public String checkContainer(long versionId) {
    return environment() + "-check-" + versionId;
  }

  /** The container of a version's test job. */
  public String testContainer(long versionId) {
    return environment() + "-test-" + versionId;
  }

  /** Where a webapp's versions live: {@code <registry>/allgo/<env>/<docker_name>}. */
  public String repository(String dockerName) {
    return registry + "/allgo/" + environment + "/" + dockerName;
  }

  public ImageRef versionImage(String dockerName, String number) {
    return new ImageRef(repository(dockerName), number);
  }

  /** Where a webapp's test job keeps its input files. */
  public Path testFiles(String dockerName) {
    return Path.of(data, "rw", "webapp-tests").toAbsolutePath().normalize().resolve(dockerName);
  }

  /**
   * The working directory of a version's test job, a copy of the test files: in the datastore, the
   * one place job containers may mount (job directories are numbers).
   */
  public Path testRun(long versionId) {
    return Path.of(data, "rw", "datastore", "test-version-" + versionId)
        .toAbsolutePath()
        .normalize();
  }

  public Path toolbox() {
    return Path.of(data, "ro", "toolbox").toAbsolutePath();
  }

  public String sshCommand(String dockerName) {
    return "ssh -p " + sshPort + " " + dockerName + "@" + sshHost;
  }

  public String sandboxNetwork() {
    return sandboxNetwork;
  }

  public Duration sandboxIdleTime() {
    if (sandboxIdleTime.isNegative() || sandboxIdleTime.isZero()) {
      throw new IllegalStateException(
          "allgo.sandbox.idle-time must be positive, not " + sandboxIdleTime);
    }
    return sandboxIdleTime;
  }
}
