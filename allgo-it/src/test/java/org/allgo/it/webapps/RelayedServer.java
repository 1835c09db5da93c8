package org.allgo.it.webapps;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.allgo.it.AllgoScript;
import org.allgo.it.Api;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A second allgo server that the tests deploy themselves, for what the server under test must not
 * do to the tests sharing it: its registry is reached through a {@link RegistryRelay} they switch,
 * and its sandboxes are stopped after {@link #IDLE_TIME} without a start or a commit.
 *
 * <p>It runs beside the server under test: environment {@code <env>relay} (its own containers and
 * registry namespace), the H2 default database, port base 500 above, development data, an empty
 * data directory. Its settings never change, so the Payara domain made the first time is used
 * again. Made once for all the test classes that ask for it (JUnit's root store), stopped at the
 * end of the run; a test class gets it as a constructor or method parameter of type {@code
 * RelayedServer} with {@code @ExtendWith(RelayedServer.Extension.class)}.
 */
final class RelayedServer implements AutoCloseable {

  /** The idle time of its sandboxes (ALLGO_SANDBOX_IDLE), in words as its mails say it. */
  static final String IDLE_TIME = "PT40S";

  static final String IDLE_WORDS = "40 seconds";

  private final Map<String, String> settings = new HashMap<>();
  private final RegistryRelay relay;
  private final String environment;
  private final String baseUrl;

  private RelayedServer() {
    Map<String, String> underTest = AllgoScript.serverSettings();
    environment = underTest.get("ALLGO_ENV") + "relay";
    int portBase = Integer.parseInt(underTest.get("ALLGO_PORTBASE")) + 500;
    relay = new RegistryRelay(portBase + 95, new InetSocketAddress("127.0.0.1", registryPort()));
    baseUrl = "http://localhost:" + (portBase + 80);
    settings.putAll(
        Map.of(
            "ALLGO_ENV",
            environment,
            "ALLGO_DB",
            "h2",
            "ALLGO_PORTBASE",
            Integer.toString(portBase),
            "ALLGO_REGISTRY",
            relay.address(),
            "ALLGO_SANDBOX_IDLE",
            IDLE_TIME,
            "ALLGO_DEV_DATA",
            "true",
            "ALLGO_DEBIAN_IMAGE",
            "false",
            "ALLGO_API_RATE_LIMIT",
            underTest.getOrDefault("ALLGO_API_RATE_LIMIT", "0")));
    // The services are those of the server under test: its mail sink above all, read by the tests.
    for (String service : List.of("ALLGO_SMTP_PORT", "ALLGO_IMAP_PORT", "ALLGO_MARIADB_PORT")) {
      if (underTest.containsKey(service)) {
        settings.put(service, underTest.get(service));
      }
    }
  }

  private static int registryPort() {
    String registry = Webapps.REGISTRY;
    return Integer.parseInt(registry.substring(registry.lastIndexOf(':') + 1));
  }

  private RelayedServer start() {
    try {
      AllgoScript.run("down", settings);
      deleteData();
      up();
      return this;
    } catch (RuntimeException | AssertionError e) {
      close();
      throw e;
    }
  }

  /**
   * {@code bin/allgo up}, twice if need be: Payara Server sometimes fails to redeploy over the
   * application it has just loaded at start-up (a null BeanManager), and then does the second time.
   */
  private void up() {
    try {
      AllgoScript.run("up", settings);
    } catch (AssertionError first) {
      System.getLogger(RelayedServer.class.getName())
          .log(
              System.Logger.Level.WARNING,
              "bin/allgo up failed once, trying again: {0}",
              first.getMessage());
      AllgoScript.run("down", settings);
      AllgoScript.run("up", settings);
    }
  }

  /** Every run starts from an empty database and data directory, as the server under test does. */
  private void deleteData() {
    Path data = new File(AllgoScript.root(), "var/" + environment).toPath();
    if (!Files.exists(data)) {
      return;
    }
    try (Stream<Path> files = Files.walk(data)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  RegistryRelay relay() {
    return relay;
  }

  String environment() {
    return environment;
  }

  String baseUrl() {
    return baseUrl;
  }

  Api asDevelopmentUser(String email) {
    return Api.asDevelopmentUser(baseUrl, email);
  }

  String sandboxName(String dockerName) {
    return environment + "-user-" + dockerName;
  }

  /** The repository of a webapp's versions as the server names them: through the relay. */
  String repository(String dockerName) {
    return relay.address() + "/allgo/" + environment + "/" + dockerName;
  }

  @Override
  public void close() {
    try {
      relay.switchTo(RegistryRelay.Mode.OPEN);
      AllgoScript.run("down", settings);
    } finally {
      relay.close();
    }
  }

  /** Hands the one relayed server of the run to the test classes that ask for it. */
  static final class Extension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == RelayedServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return context
          .getRoot()
          .getStore(ExtensionContext.Namespace.create(RelayedServer.class))
          .getOrComputeIfAbsent(
              RelayedServer.class, key -> new RelayedServer().start(), RelayedServer.class);
    }
  }
}
