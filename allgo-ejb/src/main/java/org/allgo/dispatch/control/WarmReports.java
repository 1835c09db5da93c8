package org.allgo.dispatch.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hears warm containers' waiters report their program's exit: each slot has a Unix socket in its
 * read-only control folder ({@link WarmSlots#reportSocket}), to which the waiter, the program's
 * parent, writes one line, {@code exit <code> <bytes relayed>}, once the program and every other
 * process of the container ended. The job can write nothing to disk there; a line it forges ends
 * its own job only, as its exit would. Each report is told as a {@link WarmExitReported}, on a
 * thread of its own, so that the job can be finished without waiting for the engine's event, which
 * stays the end of every other job and the fallback of this one.
 */
@ApplicationScoped
public class WarmReports {

  private static final System.Logger LOG = System.getLogger(WarmReports.class.getName());

  static final Pattern EXIT = Pattern.compile("exit ([0-9]{1,3}) ([0-9]{1,18})\n");

  // A report is one short line: more than this from one connection is no report.
  private static final int MAX_LINE = 64;

  // The waiter connects once; the job's program may too: a slot hears this many, then no more.
  private static final int MAX_CONNECTIONS = 4;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  @Inject WarmSlots slots;

  @Inject Event<WarmExitReported> reported;

  private final Map<String, ServerSocketChannel> sockets = new ConcurrentHashMap<>();
  private final Map<String, Integer> connections = new ConcurrentHashMap<>();
  private final Queue<String> toRegister = new ConcurrentLinkedQueue<>();
  private Selector selector;
  private ThreadPoolExecutor handlers;

  @PostConstruct
  void open() {
    handlers =
        new ThreadPoolExecutor(4, 4, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), threads);
    handlers.allowCoreThreadTimeOut(true);
    try {
      selector = Selector.open();
    } catch (IOException e) {
      // Every job's end then comes from the engine, as without the pool.
      LOG.log(Level.WARNING, "Warm containers' exits go unheard: {0}", e.toString());
      return;
    }
    threads.newThread(this::listen).start();
  }

  @PreDestroy
  void close() {
    handlers.shutdownNow();
    try {
      if (selector != null) {
        selector.close();
      }
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "Closing the warm reports' selector: {0}", e.toString());
    }
    sockets.keySet().forEach(this::unwatch);
  }

  /** Opens the slot's report socket, before its container starts. */
  public void watch(String slot) {
    if (selector == null) {
      return;
    }
    Path path = slots.reportSocket(slot);
    try {
      ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      socket.bind(UnixDomainSocketAddress.of(path));
      // The job's user connects to it.
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw-rw-"));
      socket.configureBlocking(false);
      sockets.put(slot, socket);
      toRegister.add(slot);
      selector.wakeup();
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "Warm slot {0} reports go unheard: {1}", slot, e.toString());
    }
  }

  /** Closes the slot's report socket: its container is gone, or going. */
  public void unwatch(String slot) {
    connections.remove(slot);
    ServerSocketChannel socket = sockets.remove(slot);
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        LOG.log(Level.DEBUG, "Closing the report socket of {0}: {1}", slot, e.toString());
      }
    }
  }

  /** The report a line makes, if it is one. */
  static Optional<WarmExitReported> parse(String slot, String line) {
    Matcher m = EXIT.matcher(line);
    if (!m.matches()) {
      return Optional.empty();
    }
    int code = Integer.parseInt(m.group(1));
    return code > 255
        ? Optional.empty()
        : Optional.of(new WarmExitReported(slot, code, Long.parseLong(m.group(2))));
  }

  private void listen() {
    try {
      while (selector.isOpen()) {
        selector.select();
        for (String slot; (slot = toRegister.poll()) != null; ) {
          ServerSocketChannel socket = sockets.get(slot);
          if (socket != null && socket.isOpen()) {
            socket.register(selector, SelectionKey.OP_ACCEPT, slot);
          }
        }
        var ready = selector.selectedKeys().iterator();
        while (ready.hasNext()) {
          SelectionKey key = ready.next();
          ready.remove();
          handle(key);
        }
      }
    } catch (IOException | ClosedSelectorException e) {
      LOG.log(Level.DEBUG, "Warm reports no longer heard: {0}", e.toString());
    }
  }

  private void handle(SelectionKey key) {
    try {
      if (!key.isValid()) {
        return;
      }
      if (key.isAcceptable()) {
        String slot = (String) key.attachment();
        SocketChannel connection = ((ServerSocketChannel) key.channel()).accept();
        if (connection != null) {
          connection.configureBlocking(false);
          connection.register(
              selector, SelectionKey.OP_READ, new Reading(slot, ByteBuffer.allocate(MAX_LINE + 1)));
          if (connections.merge(slot, 1, Integer::sum) >= MAX_CONNECTIONS) {
            // Connections held open would hold the server's files: the engine's event ends it.
            unwatch(slot);
          }
        }
      } else if (key.isReadable()) {
        Reading reading = (Reading) key.attachment();
        SocketChannel connection = (SocketChannel) key.channel();
        int read = connection.read(reading.buffer());
        if (read < 0 || !reading.buffer().hasRemaining() || reading.lineEnded()) {
          connection.close();
          reading.report().ifPresent(this::tell);
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.DEBUG, "A warm report could not be read: {0}", e.toString());
      try {
        key.channel().close();
      } catch (IOException again) {
        LOG.log(Level.DEBUG, "Closing a warm report's connection: {0}", again.toString());
      }
    }
  }

  private void tell(WarmExitReported report) {
    try {
      handlers.execute(() -> reported.fire(report));
    } catch (RejectedExecutionException e) {
      // The application stops: the engine's event ends the job at the next start.
    }
  }

  // What one connection to a slot's socket sent so far.
  private record Reading(String slot, ByteBuffer buffer) {

    boolean lineEnded() {
      return buffer.position() > 0 && buffer.get(buffer.position() - 1) == '\n';
    }

    Optional<WarmExitReported> report() {
      String line = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
      return parse(slot, line);
    }
  }
}
