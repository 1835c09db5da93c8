package org.allgo.it.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP relay on a local port in front of the registry, for a server whose {@code ALLGO_REGISTRY}
 * names that port: the Docker engine pushes and pulls through it, and the server asks it what the
 * registry holds. A test switches it, and every switch drops the connections made before:
 *
 * <ul>
 *   <li>{@link Mode#OPEN}: everything goes through;
 *   <li>{@link Mode#UNREACHABLE}: nothing listens, as when the registry is down;
 *   <li>{@link Mode#FORGETFUL}: the engine's requests go through, so pushes succeed, but the
 *       server's own requests (not the engine's, told apart by their User-Agent) are answered 404,
 *       as by a registry that lost what it was sent;
 *   <li>{@link Mode#HANGING}: connections are taken and never answered, as by a registry that
 *       hangs: a pull through it waits.
 * </ul>
 *
 * Other servers and tests use the registry directly and never notice.
 */
public final class RegistryRelay implements AutoCloseable {

  public enum Mode {
    OPEN,
    UNREACHABLE,
    FORGETFUL,
    HANGING
  }

  private static final int MAX_HEAD = 64 * 1024;
  private static final byte[] NOT_FOUND =
      ("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\n"
              + "Content-Length: 65\r\nConnection: close\r\n\r\n"
              + "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}")
          .getBytes(StandardCharsets.US_ASCII);

  private final int port;
  private final InetSocketAddress registry;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread thread = new Thread(r, "registry-relay");
            thread.setDaemon(true);
            return thread;
          });
  private volatile Mode mode = Mode.UNREACHABLE;
  private ServerSocket listening;

  RegistryRelay(int port, InetSocketAddress registry) {
    this.port = port;
    this.registry = registry;
    switchTo(Mode.OPEN);
  }

  /** host:port, as ALLGO_REGISTRY names it. */
  public String address() {
    return "127.0.0.1:" + port;
  }

  public synchronized void switchTo(Mode next) {
    dropConnections();
    if (next == Mode.UNREACHABLE && listening != null) {
      closeQuietly(listening);
      listening = null;
    } else if (next != Mode.UNREACHABLE && listening == null) {
      listening = listen();
    }
    mode = next;
  }

  private ServerSocket listen() {
    try {
      ServerSocket socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      threads.execute(() -> accept(socket));
      return socket;
    } catch (IOException e) {
      throw new IllegalStateException("The registry relay cannot listen on port " + port, e);
    }
  }

  private void accept(ServerSocket socket) {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        open.add(client);
        threads.execute(() -> serve(client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    if (mode == Mode.HANGING) {
      // Held open, never answered, until the next switch drops it.
      return;
    }
    try {
      byte[] head = readHead(client.getInputStream());
      String text = new String(head, StandardCharsets.ISO_8859_1).toLowerCase();
      if (mode == Mode.FORGETFUL && !text.contains("\r\nuser-agent: docker/")) {
        client.getOutputStream().write(NOT_FOUND);
        client.close();
        open.remove(client);
        return;
      }
      Socket upstream = new Socket(registry.getAddress(), registry.getPort());
      open.add(upstream);
      upstream.getOutputStream().write(head);
      threads.execute(
          () -> {
            pump(upstream, client);
            // The registry is done with the connection: so is the client.
            for (Socket socket : new Socket[] {upstream, client}) {
              closeQuietly(socket);
              open.remove(socket);
            }
          });
      pump(client, upstream);
    } catch (IOException e) {
      closeQuietly(client);
      open.remove(client);
    }
  }

  /** The first request's line and headers, which say who asks. */
  private static byte[] readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4 && head.size() < MAX_HEAD) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed before a request");
      }
      head.write(b);
      matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toByteArray();
  }

  private static void pump(Socket from, Socket to) {
    byte[] buffer = new byte[32 * 1024];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
      }
      to.shutdownOutput();
    } catch (IOException e) {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private void dropConnections() {
    for (Socket socket : open) {
      closeQuietly(socket);
    }
    open.clear();
  }

  private static void closeQuietly(java.io.Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException e) {
      // Already broken: nothing left to release.
    }
  }

  @Override
  public synchronized void close() {
    switchTo(Mode.UNREACHABLE);
    threads.shutdownNow();
  }
}
