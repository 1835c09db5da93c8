package org.allgo.connector.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.allgo.connector.api.DockerConnection;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test of a class that extends with it the adapter as a server sets it up ({@link
 * AdapterFixture}, with a directory of its own as the allowed volume root) and a connection from
 * it: constructor or method parameters of those types. After the test, the connection is closed,
 * then the fixture (which removes the test containers and images), then the directory.
 */
public final class AdapterExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(AdapterExtension.class);

  // Constructor parameters belong to the test, not the class: each test gets its own adapter.
  @Override
  public ExtensionContextScope getTestInstantiationExtensionContextScope(
      ExtensionContext rootContext) {
    return ExtensionContextScope.TEST_METHOD;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == AdapterFixture.class || type == DockerConnection.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Adapter adapter =
        context
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(Adapter.class, key -> new Adapter(), Adapter.class);
    return parameter.getParameter().getType() == AdapterFixture.class
        ? adapter.fixture
        : adapter.connection();
  }

  /** One test's adapter; the store closes it when the test ends. */
  private static final class Adapter implements AutoCloseable {

    private final Path volumes;
    private final AdapterFixture fixture;
    private DockerConnection connection;

    Adapter() {
      try {
        volumes = Files.createTempDirectory("allgo-connector-it");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      fixture = new AdapterFixture(volumes);
    }

    synchronized DockerConnection connection() {
      if (connection == null) {
        connection = fixture.factory().getConnection();
      }
      return connection;
    }

    @Override
    public void close() throws Exception {
      try {
        if (connection != null) {
          connection.close();
        }
        fixture.close();
      } finally {
        try (Stream<Path> files = Files.walk(volumes)) {
          files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
      }
    }
  }
}
