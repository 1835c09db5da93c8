package org.allgo.connector.adapter;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * One client of the Docker Engine: docker-java for request/response calls, the bare HTTP transport
 * for the streaming ones (so that no library thread is started), and raw sockets for exec attach.
 * Closing it releases every pooled connection.
 */
public final class EngineClient implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(EngineClient.class.getName());

  private final URI host;
  private final DockerHttpClient http;
  private final DockerClient docker;

  private EngineClient(URI host, DockerHttpClient http, DockerClient docker) {
    this.host = host;
    this.http = http;
    this.docker = docker;
  }

  public static EngineClient open(URI host) {
    DefaultDockerClientConfig config =
        DefaultDockerClientConfig.createDefaultConfigBuilder()
            .withDockerHost(host.toString())
            .withDockerTlsVerify(false)
            .build();
    DockerHttpClient http =
        new ZerodepDockerHttpClient.Builder()
            .dockerHost(config.getDockerHost())
            .maxConnections(16)
            .connectionTimeout(Duration.ofSeconds(5))
            .build();
    return new EngineClient(host, http, DockerClientImpl.getInstance(config, http));
  }

  public DockerClient docker() {
    return docker;
  }

  /**
   * Sends a request and returns the response, whose body the caller reads and closes; an error
   * status becomes the api's typed exception.
   */
  public DockerHttpClient.Response send(
      String method, String path, Map<String, String> headers, byte[] body, String what) {
    DockerHttpClient.Request.Builder request =
        DockerHttpClient.Request.builder().method(method).path(path).putAllHeaders(headers);
    if (body != null) {
      request.bodyBytes(body);
    }
    DockerHttpClient.Response response;
    try {
      response = http.execute(request.build());
    } catch (RuntimeException e) {
      throw Failures.translate(e, what);
    }
    if (response.getStatusCode() >= 300) {
      String message = readQuietly(response);
      response.close();
      throw Failures.ofStatus(
          response.getStatusCode(), what, Failures.engineMessage(message), null);
    }
    return response;
  }

  /** A new socket to the engine, for a connection that leaves HTTP (exec attach). */
  public SocketChannel openSocket() {
    try {
      if ("unix".equals(host.getScheme())) {
        return SocketChannel.open(UnixDomainSocketAddress.of(host.getPath()));
      }
      return SocketChannel.open(new InetSocketAddress(host.getHost(), host.getPort()));
    } catch (IOException e) {
      throw Failures.unavailable("Cannot connect to " + host, e);
    }
  }

  @Override
  public void close() {
    try {
      docker.close();
      http.close();
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "Closing the Docker client of {0} failed: {1}", host, e.toString());
    }
  }

  private static String readQuietly(DockerHttpClient.Response response) {
    try (InputStream body = response.getBody()) {
      return new String(body.readNBytes(64 * 1024), StandardCharsets.UTF_8);
    } catch (IOException | UncheckedIOException e) {
      return "(no body: " + e.getMessage() + ")";
    }
  }
}
