package org.allgo.it.swarm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A plain nginx in front of several app servers, as docker/README.md (Several app servers) tells to
 * put it, but without stickiness: each request goes to the next server (round robin), and one that
 * cannot be reached is passed to another ({@code proxy_next_upstream}), so that the API through it
 * keeps answering when a server dies. Listens on loopback; its files in {@code target/front}.
 * {@code bin/allgo test} installs nginx (its packaged service never started).
 */
final class Front implements AutoCloseable {

  private static final Path NGINX = Path.of("/usr/sbin/nginx");

  private final Process process;
  private final int port;

  Front(int port, List<String> servers) {
    this.port = port;
    Path dir = Path.of("target", "front").toAbsolutePath();
    StringBuilder upstream = new StringBuilder();
    for (String server : servers) {
      upstream.append("    server ").append(server).append(" max_fails=1 fail_timeout=30s;\n");
    }
    String config =
        """
        daemon off;
        worker_processes 1;
        pid %1$s/nginx.pid;
        error_log %1$s/error.log warn;
        events { worker_connections 256; }
        http {
          access_log off;
          client_body_temp_path %1$s/body;
          proxy_temp_path %1$s/proxy;
          fastcgi_temp_path %1$s/fastcgi;
          uwsgi_temp_path %1$s/uwsgi;
          scgi_temp_path %1$s/scgi;
          upstream allgo {
        %2$s  }
          server {
            listen 127.0.0.1:%3$d;
            client_max_body_size 0;
            location / {
              proxy_pass http://allgo;
              proxy_next_upstream error timeout http_502 http_503;
              proxy_set_header Host $host:$server_port;
              proxy_set_header X-Forwarded-For $remote_addr;
              proxy_buffering off;
              proxy_read_timeout 120s;
            }
          }
        }
        """
            .formatted(dir, upstream, port);
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("nginx.conf"), config);
      process =
          new ProcessBuilder(
                  NGINX.toString(),
                  "-p",
                  dir.toString(),
                  "-c",
                  dir.resolve("nginx.conf").toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("nginx.out").toFile())
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not start nginx (" + NGINX + "; bin/allgo test installs it)", e);
    }
    awaitListening();
  }

  String baseUrl() {
    return "http://localhost:" + port;
  }

  private void awaitListening() {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("nginx ended at once, see target/front/nginx.out");
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException e) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
    throw new IllegalStateException("nginx does not listen on " + port);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
