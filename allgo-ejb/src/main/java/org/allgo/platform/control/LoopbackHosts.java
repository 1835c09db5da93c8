package org.allgo.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.allgo.connector.api.ContainerSpec;
import org.allgo.connector.api.Mount;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code /etc/hosts} of containers without network ({@link ContainerSpec#NO_NETWORK}): the
 * engine writes none for them, and programs look {@code localhost} up there (a cluster of worker
 * processes on the loopback, say). One file under the data root, written by the server when it is
 * missing, mounted read-only.
 */
@ApplicationScoped
public class LoopbackHosts {

  static final String CONTENT =
      """
      127.0.0.1\tlocalhost
      ::1\tlocalhost ip6-localhost ip6-loopback
      """;

  @Inject
  @ConfigProperty(name = "allgo.data", defaultValue = "var/dev")
  String data;

  /** The spec with the hosts file mounted if it has no network; as it is otherwise. */
  public ContainerSpec mountedIn(ContainerSpec spec) {
    if (!ContainerSpec.NO_NETWORK.equals(spec.network())) {
      return spec;
    }
    return spec.withMount(Mount.readOnly(file().toString(), "/etc/hosts"));
  }

  Path file() {
    Path file = Path.of(data, "ro", "etc", "hosts").toAbsolutePath().normalize();
    if (Files.isRegularFile(file)) {
      return file;
    }
    try {
      Files.createDirectories(file.getParent());
      Path aside = Files.createTempFile(file.getParent(), "hosts", ".new");
      Files.writeString(aside, CONTENT);
      Files.setPosixFilePermissions(aside, PosixFilePermissions.fromString("rw-r--r--"));
      Files.move(aside, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write the hosts file of containers without network", e);
    }
  }
}
