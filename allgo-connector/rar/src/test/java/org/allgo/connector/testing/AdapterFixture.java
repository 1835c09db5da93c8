package org.allgo.connector.testing;

import jakarta.resource.ResourceException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.allgo.connector.adapter.DockerResourceAdapter;
import org.allgo.connector.api.ContainerSpec;
import org.allgo.connector.api.DockerConnectionFactory;
import org.allgo.connector.api.ImageRef;
import org.allgo.connector.outbound.DockerManagedConnectionFactory;

/**
 * The adapter as a server would set it up for the test environment {@code citest}, with a pooling
 * connection manager. Closing it destroys the connections and removes every test container and
 * every local image of the test namespace.
 */
public final class AdapterFixture implements AutoCloseable {

  public static final String ENVIRONMENT = "citest";
  public static final String TEST_LABEL = "allgo.test";
  public static final String REGISTRY = "127.0.0.1:5000";
  public static final String NAMESPACE = REGISTRY + "/allgo/" + ENVIRONMENT + "/";
  public static final ImageRef BUSYBOX = ImageRef.parse("allgo/busybox:latest");

  private final DockerResourceAdapter adapter = new DockerResourceAdapter();
  private final DockerManagedConnectionFactory managedFactory =
      new DockerManagedConnectionFactory();
  private final TestConnectionManager manager = new TestConnectionManager();
  private final DockerConnectionFactory factory;
  private final Path volumeRoot;

  public AdapterFixture(Path volumeRoot) {
    this(volumeRoot, "unix:///var/run/docker.sock");
  }

  public AdapterFixture(Path volumeRoot, String dockerHost) {
    this.volumeRoot = volumeRoot;
    adapter.setDockerHost(dockerHost);
    adapter.setEnvironment(ENVIRONMENT);
    adapter.setRegistry(REGISTRY);
    adapter.setAllowedVolumeRoots(volumeRoot.toString());
    try {
      managedFactory.setResourceAdapter(adapter);
    } catch (ResourceException e) {
      throw new IllegalStateException(e);
    }
    factory = (DockerConnectionFactory) managedFactory.createConnectionFactory(manager);
  }

  /** The one directory under which bind mounts are allowed. */
  public Path volumeRoot() {
    return volumeRoot;
  }

  public DockerConnectionFactory factory() {
    return factory;
  }

  public DockerManagedConnectionFactory managedFactory() {
    return managedFactory;
  }

  public TestConnectionManager manager() {
    return manager;
  }

  public DockerResourceAdapter adapter() {
    return adapter;
  }

  /** A name of the test environment, unique to this call. */
  public static String uniqueName(String what) {
    return ENVIRONMENT + "-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A job spec on busybox, labelled as a test container. */
  public static ContainerSpec spec(String what, String... argv) {
    return spec(BUSYBOX, what, argv);
  }

  /** A job spec on the given image, labelled as a test container. */
  public static ContainerSpec spec(ImageRef image, String what, String... argv) {
    return ContainerSpec.of(uniqueName(what), image, List.of(argv)).withLabel(TEST_LABEL, "true");
  }

  /** An image name of the test namespace, unique to this call. */
  public static ImageRef uniqueImage(String what) {
    return ImageRef.parse(
        NAMESPACE + what + "-" + UUID.randomUUID().toString().substring(0, 8) + ":1");
  }

  @Override
  public void close() throws ResourceException {
    try {
      manager.close();
    } finally {
      DockerCli.removeTestLeftovers(NAMESPACE);
    }
  }
}
