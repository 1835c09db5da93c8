package org.allgo.it.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
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
 * A second allgo server that the tests deploy themselves, for what must not happen to the server
 * under test and the tests sharing it: its Docker engine is one of its own ({@link PrivateEngine}),
 * which a test may stop and start; the persistent part of its data root ({@code rw/}) is a small
 * file system ({@link SmallDisk}) that a test may fill; its registry is reached through a {@link
 * RegistryRelay} that a test switches; its sandboxes are stopped after {@link #IDLE_TIME} without a
 * start or a commit; and a test may kill it.
 *
 * <p>It runs beside the server under test: environment {@code <env>fault} (its own containers and
 * registry namespace), the H2 default database — in a folder beside its data root, as a production
 * database is not on the data disk —, port base 500 above, development data, the mail sink and
 * registry of the server under test, an empty data directory. Its settings never change (its
 * database password is kept beside its data, in {@code var/<env>fault-db-password}), so the Payara
 * domain made the first time is used again. Made once for all the test classes that ask for it
 * (JUnit's root store), removed at the end of the run with its engine; a test class gets it as a
 * constructor or method parameter of type {@code FaultServer} with
 * {@code @ExtendWith(FaultServer.Extension.class)}. Tests leave it as they found it: running,
 * engine up, disk not full, relay open.
 */
public final class FaultServer implements AutoCloseable {

  /** The idle time of its sandboxes (ALLGO_SANDBOX_IDLE), and in words as its mails say it. */
  public static final String IDLE_TIME = "PT40S";

  public static final String IDLE_WORDS = "40 seconds";

  /** The size of its data disk, MiB. */
  public static final int DISK_MB = 64;

  private static final String REGISTRY = System.getProperty("allgo.registry", "127.0.0.1:5000");

  private final Map<String, String> settings = new HashMap<>();
  private final RegistryRelay relay;
  private final String environment;
  private final Path data;
  private final Path database;
  private final PrivateEngine engine;
  private final SmallDisk disk;
  private final AllgoServer server;

  private FaultServer() {
    Map<String, String> underTest = AllgoScript.serverSettings();
    environment = underTest.get("ALLGO_ENV") + "fault";
    int portBase = Integer.parseInt(underTest.get("ALLGO_PORTBASE")) + 500;
    Path var = AllgoScript.root().toPath().toAbsolutePath().normalize().resolve("var");
    data = var.resolve(environment);
    database = var.resolve(environment + "-db");
    engine = new PrivateEngine(environment + "-engine", var.resolve(environment + "-engine"));
    disk = new SmallDisk(data.resolve("rw"), DISK_MB);
    relay = new RegistryRelay(portBase + 95, new InetSocketAddress("127.0.0.1", registryPort()));
    settings.putAll(
        Map.of(
            "ALLGO_ENV",
            environment,
            "ALLGO_DB",
            "h2",
            "ALLGO_DB_URL",
            "jdbc:h2:" + database.resolve("allgo") + ";AUTO_SERVER=TRUE;MODE=LEGACY;WRITE_DELAY=0",
            "ALLGO_PORTBASE",
            Integer.toString(portBase),
            "ALLGO_DOCKER_HOST",
            engine.address(),
            "ALLGO_REGISTRY",
            relay.address(),
            "ALLGO_SANDBOX_IDLE",
            IDLE_TIME,
            "ALLGO_DEV_DATA",
            "true",
            "ALLGO_DEBIAN_IMAGE",
            "false"));
    // Its own, kept between runs: the domain is made from it, and made again when it changes.
    settings.put("ALLGO_DB_PASSWORD", password(var.resolve(environment + "-db-password")));
    settings.put("ALLGO_API_RATE_LIMIT", underTest.getOrDefault("ALLGO_API_RATE_LIMIT", "0"));
    settings.put("ALLGO_JIT_LEVEL", underTest.getOrDefault("ALLGO_JIT_LEVEL", "4"));
    // The services are those of the server under test: its mail sink above all, read by the tests.
    for (String service : List.of("ALLGO_SMTP_PORT", "ALLGO_IMAP_PORT", "ALLGO_MARIADB_PORT")) {
      if (underTest.containsKey(service)) {
        settings.put(service, underTest.get(service));
      }
    }
    server = new AllgoServer("http://localhost:" + (portBase + 80), environment, settings, engine);
  }

  /** The password in {@code file} (mode 0600), made the first time. */
  private static String password(Path file) {
    try {
      if (Files.isRegularFile(file)) {
        String kept = Files.readString(file).strip();
        if (!kept.isEmpty()) {
          return kept;
        }
      }
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      String made = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, made);
      return made;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int registryPort() {
    return Integer.parseInt(REGISTRY.substring(REGISTRY.lastIndexOf(':') + 1));
  }

  private FaultServer start() {
    try {
      AllgoScript.run("down", settings);
      engine.remove();
      disk.unmount();
      delete(data);
      delete(database);
      engine.start();
      engine.load("allgo/busybox:latest");
      disk.mount();
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
      System.getLogger(FaultServer.class.getName())
          .log(
              System.Logger.Level.WARNING,
              "bin/allgo up failed once, trying again: {0}",
              first.getMessage());
      AllgoScript.run("down", settings);
      AllgoScript.run("up", settings);
    }
  }

  private static void delete(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The server, as the fault tests drive any server. */
  public AllgoServer server() {
    return server;
  }

  public PrivateEngine engine() {
    return engine;
  }

  /** The file system of its data root's {@code rw/}: job directories, uploads, live logs. */
  public SmallDisk disk() {
    return disk;
  }

  public RegistryRelay relay() {
    return relay;
  }

  public String environment() {
    return environment;
  }

  public String baseUrl() {
    return server.baseUrl();
  }

  public Api asDevelopmentUser(String email) {
    return server.as(email);
  }

  public String sandboxName(String dockerName) {
    return environment + "-user-" + dockerName;
  }

  /** The repository of a webapp's versions as the server names them: through the relay. */
  public String repository(String dockerName) {
    return relay.address() + "/allgo/" + environment + "/" + dockerName;
  }

  @Override
  public void close() {
    try {
      relay.switchTo(RegistryRelay.Mode.OPEN);
      AllgoScript.run("down", settings);
    } finally {
      try {
        engine.remove();
        disk.unmount();
      } finally {
        relay.close();
      }
    }
  }

  /** Hands the one fault server of the run to the test classes that ask for it. */
  public static final class Extension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == FaultServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return context
          .getRoot()
          .getStore(ExtensionContext.Namespace.create(FaultServer.class))
          .getOrComputeIfAbsent(
              FaultServer.class, key -> new FaultServer().start(), FaultServer.class);
    }
  }
}
