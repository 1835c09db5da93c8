package org.allgo.connector.testing;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A unix socket that relays to the engine's and can be cut: to the adapter, a cut looks like an
 * engine restart (every connection drops, new ones are refused) without stopping the engine that
 * other people use.
 */
public final class SocketRelay implements AutoCloseable {

  private final Path path;
  private final Path target;
  private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private ServerSocketChannel server;

  public SocketRelay(Path path, Path target) throws IOException {
    this.path = path;
    this.target = target;
    restore();
  }

  public String dockerHost() {
    return "unix://" + path;
  }

  /** Listens again after a cut. */
  public synchronized void restore() throws IOException {
    ServerSocketChannel listening = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    listening.bind(UnixDomainSocketAddress.of(path));
    server = listening;
    threads.execute(() -> accept(listening));
  }

  /** Drops every connection and stops listening. */
  public synchronized void cut() throws IOException {
    server.close();
    Files.deleteIfExists(path);
    for (SocketChannel channel : open) {
      channel.close();
    }
    open.clear();
  }

  private void accept(ServerSocketChannel listening) {
    while (listening.isOpen()) {
      try {
        SocketChannel client = listening.accept();
        SocketChannel engine = SocketChannel.open(UnixDomainSocketAddress.of(target));
        open.add(client);
        open.add(engine);
        threads.execute(() -> pump(client, engine));
        threads.execute(() -> pump(engine, client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private static void pump(SocketChannel from, SocketChannel to) {
    ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
    try {
      while (from.read(buffer) >= 0) {
        buffer.flip();
        while (buffer.hasRemaining()) {
          to.write(buffer);
        }
        buffer.clear();
      }
      to.shutdownOutput();
    } catch (IOException e) {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void closeQuietly(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // Already broken: nothing left to release.
    }
  }

  @Override
  public void close() throws IOException {
    cut();
    threads.shutdownNow();
  }
}
