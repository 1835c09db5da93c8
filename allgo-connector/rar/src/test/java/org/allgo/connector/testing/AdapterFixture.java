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
 * The adapter as a server would set it up for a test environment, with a pooling connection
 * manager. Closing it destroys the connections and removes the environment's test containers and
 * the local images of its namespace.
 *
 * <p>The connector's tests use the environment {@link #ENVIRONMENT}: {@code citest}, or what {@code
 * -Dallgo.test.connector.env} says, so that test runs sharing an engine keep apart.
 */
public final class AdapterFixture implements AutoCloseable {

  public static final String ENVIRONMENT = System.getProperty("allgo.test.connector.env", "citest");
  public static final String TEST_LABEL = "allgo.test";
  public static final String REGISTRY = "127.0.0.1:5000";
  public static final String NAMESPACE = namespace(ENVIRONMENT);
  public static final ImageRef BUSYBOX = ImageRef.parse("allgo/busybox:latest");
  public static final String DOCKER_HOST = "unix:///var/run/docker.sock";

  private final DockerResourceAdapter adapter = new DockerResourceAdapter();
  private final DockerManagedConnectionFactory managedFactory =
      new DockerManagedConnectionFactory();
  private final TestConnectionManager manager = new TestConnectionManager();
  private final DockerConnectionFactory factory;
  private final String environment;
  private final Path volumeRoot;

  /** The adapter of the connector tests' environment on the engine of this machine. */
  public AdapterFixture(Path volumeRoot) {
    this(ENVIRONMENT, volumeRoot, DOCKER_HOST);
  }

  /** The adapter of the connector tests' environment, reaching the engine at {@code dockerHost}. */
  public AdapterFixture(Path volumeRoot, String dockerHost) {
    this(ENVIRONMENT, volumeRoot, dockerHost);
  }

  /** The adapter of {@code environment}, bind mounts allowed under {@code volumeRoot} only. */
  public AdapterFixture(String environment, Path volumeRoot, String dockerHost) {
    this.environment = environment;
    this.volumeRoot = volumeRoot;
    adapter.setDockerHost(dockerHost);
    adapter.setEnvironment(environment);
    adapter.setRegistry(REGISTRY);
    adapter.setAllowedVolumeRoots(volumeRoot.toString());
    try {
      managedFactory.setResourceAdapter(adapter);
    } catch (ResourceException e) {
      throw new IllegalStateException(e);
    }
    factory = (DockerConnectionFactory) managedFactory.createConnectionFactory(manager);
  }

  /** The registry namespace of an environment's images. */
  public static String namespace(String environment) {
    return REGISTRY + "/allgo/" + environment + "/";
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
      DockerCli.removeTestLeftovers(environment, namespace(environment));
    }
  }
}
