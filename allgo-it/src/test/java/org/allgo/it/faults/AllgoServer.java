package org.allgo.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.allgo.it.AllgoScript;
import org.allgo.it.Api;
import org.allgo.it.Server;

/**
 * An allgo server that a fault test breaks and mends: where it answers, the settings {@code
 * bin/allgo} made it with, and the engine its jobs run on. The server under test ({@link
 * #underTest()}) or the {@link FaultServer}.
 */
public record AllgoServer(
    String baseUrl, String environment, Map<String, String> settings, Engine engine) {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The server the black-box tests run against, on the machine's engine. */
  public static AllgoServer underTest() {
    return new AllgoServer(
        Server.BASE_URL, Server.ENVIRONMENT, AllgoScript.serverSettings(), Engine.HOST);
  }

  /** A client signed in as one of the development users (password {@code allgo}). */
  public Api as(String email) {
    return Api.asDevelopmentUser(baseUrl, email);
  }

  public Api anonymous() {
    return Api.anonymous(baseUrl);
  }

  /** The database it runs on, as its settings say: mysql or h2. */
  public String database() {
    return settings.getOrDefault("ALLGO_DB", "h2");
  }

  /** {@code bin/allgo up} with its settings: starts what is not running; returns once ready. */
  public void up() {
    AllgoScript.run("up", settings);
  }

  /** {@code bin/allgo down} with its settings. */
  public void down() {
    AllgoScript.run("down", settings);
  }

  /** Kills the application server's process at once (SIGKILL): no shutdown of any kind. */
  public void kill() {
    killDomain("allgo-" + environment);
  }

  /**
   * Kills the process of the Payara domain {@code bin/allgo} made under this name (SIGKILL), read
   * from the process id Payara writes down, and waits for its end.
   */
  public static void killDomain(String domain) {
    ProcessHandle server =
        ProcessHandle.of(pid(domain))
            .orElseThrow(() -> new IllegalStateException("No server process for " + domain));
    server.destroyForcibly();
    try {
      server.onExit().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("The server of " + domain + " outlived kill -9", e);
    }
  }

  /** Whether {@code /health/ready} answers 200. */
  public boolean ready() {
    try {
      return HTTP.send(
                  HttpRequest.newBuilder(URI.create(baseUrl + "/health/ready"))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The names of the job containers of its environment on its engine, running or not. */
  public java.util.List<String> jobContainers() {
    return engine.containers(environment, "job");
  }

  /** Where {@code bin/allgo} keeps its Payara domain, whose process id Payara writes down. */
  private static long pid(String domain) {
    Path pid = AllgoScript.root().toPath().resolve("var/domains/" + domain + "/config/pid");
    try {
      String text = Files.readString(pid).strip();
      assertThat(text).as("pid of the server of " + domain).matches("\\d+");
      return Long.parseLong(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
