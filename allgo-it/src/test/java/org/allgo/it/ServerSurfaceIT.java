package org.allgo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the server under test shows to the network besides its application: the sockets its
 * processes listen on, the banners it sends, its health and metrics endpoints, and — on the H2
 * default — where its database server listens and who may read the database's files.
 */
class ServerSurfaceIT {

  private static final Pattern PID = Pattern.compile("pid=(\\d+)");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Map<String, String> settings = AllgoScript.serverSettings();
  private final int portBase = Integer.parseInt(settings.get("ALLGO_PORTBASE"));
  private final int httpPort = URI.create(Server.BASE_URL).getPort();

  /** A socket some process listens on: its address, port and the processes holding it. */
  record Listening(String host, int port, Set<Long> pids) {

    boolean loopback() {
      return host.startsWith("127.") || host.equals("::1") || host.startsWith("::ffff:127.");
    }
  }

  @Test
  void outsideLoopbackTheServersProcessesListenOnlyForHttpAndSsh() throws Exception {
    Set<Long> ours = serverProcesses();
    List<Listening> sockets =
        listening().stream().filter(s -> !Collections.disjoint(s.pids(), ours)).toList();

    // The check can fail: the server's own HTTP listener is among the sockets seen.
    assertThat(sockets).extracting(Listening::port).contains(httpPort, sshPort());
    assertThat(sockets)
        .as("sockets of the server's processes %s", ours)
        .filteredOn(s -> !s.loopback())
        .extracting(Listening::port)
        .allMatch(port -> port == httpPort || port == sshPort());
  }

  @Test
  void theDomainsOtherDoorsAreShutEvenOnLoopback() throws Exception {
    long domain = pid(domainPidFile());
    List<Integer> ports =
        listening().stream().filter(s -> s.pids().contains(domain)).map(Listening::port).toList();

    assertThat(ports).contains(httpPort, portBase + 48);
    // JMX, OpenMQ (its port and its port mapper), IIOP (plain and TLS) and the TLS HTTP listener.
    assertThat(ports)
        .doesNotContain(
            portBase + 86,
            portBase + 76,
            7676,
            portBase + 37,
            portBase + 38,
            portBase + 39,
            portBase + 81);
  }

  @Test
  void noResponseNamesTheServerOrItsVersion() throws Exception {
    for (String path :
        List.of("/", "/users/sign_in", "/api/v2/webapps", "/no/such/page", "/openapi")) {
      HttpResponse<String> response = Server.get(path);

      assertThat(response.headers().firstValue("Server")).as(path).isEmpty();
      assertThat(response.headers().firstValue("X-Powered-By")).as(path).isEmpty();
      assertThat(response.body()).as(path).doesNotContainIgnoringCase("payara");
    }
  }

  @Test
  void pagesCarryAContentSecurityPolicy() throws Exception {
    HttpResponse<String> response = Server.get("/users/sign_in");

    assertThat(response.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            policy ->
                assertThat(policy)
                    .contains("default-src 'self'")
                    .contains("object-src 'none'")
                    .contains("frame-ancestors 'none'"));
    assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
  }

  @Test
  void theApiDescribesItselfOnlyThroughOpenApi() throws Exception {
    assertThat(Server.get("/api/application.wadl").statusCode()).isEqualTo(404);
    assertThat(Server.get("/openapi").statusCode()).isEqualTo(200);
  }

  @Test
  void metricsAnswerOnlyOnTheLoopbackMonitoringPort() throws Exception {
    assertThat(Server.get("/metrics").statusCode()).isEqualTo(404);

    HttpResponse<String> metrics =
        get(URI.create("http://127.0.0.1:" + (portBase + 87) + "/metrics"));
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("# TYPE");
  }

  @Test
  void strangersLearnOnlyWhetherTheServerIsUp() throws Exception {
    Optional<InetAddress> outside = nonLoopbackAddress();
    assumeTrue(outside.isPresent(), "this machine has a network address besides loopback");

    HttpResponse<String> response =
        get(URI.create("http://" + outside.get().getHostAddress() + ":" + httpPort + "/health"));

    JsonObject body = Server.json(response);
    assertThat(body.keySet()).as(response.body()).containsExactly("status");
    assertThat(body.getString("status")).isEqualTo("UP");
    // From loopback the same endpoint gives every check (HealthIT reads them).
    assertThat(Server.json(Server.get("/health")).containsKey("checks")).isTrue();
  }

  @Test
  void theH2DatabaseListensOnLoopbackAndItsFilesAreTheServersAlone() throws Exception {
    assumeTrue("h2".equals(settings.get("ALLGO_DB")), "the server runs on the H2 default");
    Path data =
        AllgoScript.root().toPath().resolve("var").resolve(Server.ENVIRONMENT).resolve("rw");
    Path h2 = data.resolve("h2");

    Properties lock = new Properties();
    try (InputStream in = Files.newInputStream(h2.resolve("allgo.lock.db"))) {
      lock.load(in);
    }
    String server = lock.getProperty("server").replace("\\", "");
    int colon = server.lastIndexOf(':');
    int port = Integer.parseInt(server.substring(colon + 1));
    assertThat(InetAddress.getByName(server.substring(0, colon)).isLoopbackAddress())
        .as("the auto-server's address %s", server)
        .isTrue();
    assertThat(listening())
        .filteredOn(socket -> socket.port() == port)
        .isNotEmpty()
        .allMatch(Listening::loopback);
    assertPrivate(h2);
    Path secrets = data.resolve("secrets");
    assertPrivate(secrets);
    assertThat(Files.readString(secrets.resolve("db-password")))
        .hasSizeGreaterThanOrEqualTo(32)
        .isNotEqualTo("allgo-" + Server.ENVIRONMENT);
  }

  /** The folder is 0700 and every file in it 0600. */
  private static void assertPrivate(Path folder) throws IOException {
    assertThat(Files.getPosixFilePermissions(folder))
        .as(folder.toString())
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> all = files.filter(Files::isRegularFile).toList();
      assertThat(all).as(folder.toString()).isNotEmpty();
      for (Path file : all) {
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
        assertThat(mode)
            .as(file.toString())
            .isEqualTo(PosixFilePermissions.fromString("rw-------"));
      }
    }
  }

  private int sshPort() {
    String given = settings.get("ALLGO_SSH_PORT");
    if (given != null) {
      return Integer.parseInt(given);
    }
    return portBase == 8000 ? 2222 : portBase + 22;
  }

  /** The application server's process, its SSH sidecar, and the services bin/allgo started. */
  private Set<Long> serverProcesses() throws IOException {
    Path root = AllgoScript.root().toPath().resolve("var");
    Set<Long> pids = new HashSet<>();
    pids.add(pid(domainPidFile()));
    pids.add(pid(root.resolve("run/ssh-" + Server.ENVIRONMENT + ".pid")));
    try (Stream<Path> files = Files.list(root.resolve("run"))) {
      // The services' pid files; other environments' sidecars are theirs.
      for (Path file :
          files
              .filter(
                  f ->
                      f.toString().endsWith(".pid")
                          && !f.getFileName().toString().startsWith("ssh-"))
              .toList()) {
        pids.add(pid(file));
      }
    }
    return pids;
  }

  private static Path domainPidFile() {
    return AllgoScript.root()
        .toPath()
        .resolve("var/domains/allgo-" + Server.ENVIRONMENT + "/config/pid");
  }

  private static long pid(Path file) throws IOException {
    return Long.parseLong(Files.readString(file).trim());
  }

  /** Every listening TCP socket of this machine, as {@code ss} tells. */
  private static List<Listening> listening() throws IOException, InterruptedException {
    Process process = new ProcessBuilder("ss", "-H", "-l", "-t", "-n", "-p").start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    List<Listening> sockets = new ArrayList<>();
    for (String line : output.split("\n")) {
      String[] fields = line.trim().split("\\s+");
      if (fields.length < 4) {
        continue;
      }
      String local = fields[3];
      int colon = local.lastIndexOf(':');
      String host = local.substring(0, colon).replace("[", "").replace("]", "");
      Set<Long> pids = new HashSet<>();
      Matcher matcher = PID.matcher(line);
      while (matcher.find()) {
        pids.add(Long.parseLong(matcher.group(1)));
      }
      sockets.add(new Listening(host, Integer.parseInt(local.substring(colon + 1)), pids));
    }
    return sockets;
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
    for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!network.isUp() || network.isLoopback()) {
        continue;
      }
      for (InetAddress address : Collections.list(network.getInetAddresses())) {
        if (address instanceof Inet4Address && reachable(address)) {
          return Optional.of(address);
        }
      }
    }
    return Optional.empty();
  }

  private static boolean reachable(InetAddress address) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, URI.create(Server.BASE_URL).getPort()), 2000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
