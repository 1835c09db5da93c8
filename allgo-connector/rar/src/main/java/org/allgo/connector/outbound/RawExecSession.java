package org.allgo.connector.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.allgo.connector.adapter.EngineClient;
import org.allgo.connector.adapter.Failures;
import org.allgo.connector.api.DockerException;
import org.allgo.connector.api.DockerTimeoutException;
import org.allgo.connector.api.ExecSession;

/** An exec attached over its own socket; see {@link HttpUpgrade}. */
final class RawExecSession implements ExecSession {

  private static final byte END_OF_TRANSMISSION = 4;

  private final EngineClient client;
  private final Exec exec;
  private final SocketChannel channel;
  private final OutputStream stdin;
  private final InputStream stdout;
  private final InputStream stderr;
  private final AtomicBoolean closed = new AtomicBoolean();

  /** What identifies an exec: its id, its container, its user and its marker token. */
  record Exec(String id, String containerId, String user, String token, boolean tty) {}

  RawExecSession(EngineClient client, Exec exec, SocketChannel channel) {
    this.client = client;
    this.exec = exec;
    this.channel = channel;
    this.stdin = ChannelStreams.out(channel);
    InputStream raw = ChannelStreams.in(channel);
    if (exec.tty()) {
      this.stdout = raw;
      this.stderr = InputStream.nullInputStream();
    } else {
      Demultiplexer demultiplexer = new Demultiplexer(raw);
      this.stdout = demultiplexer.stdout();
      this.stderr = demultiplexer.stderr();
    }
  }

  @Override
  public String id() {
    return exec.id();
  }

  @Override
  public OutputStream stdin() {
    return stdin;
  }

  @Override
  public InputStream stdout() {
    return stdout;
  }

  @Override
  public InputStream stderr() {
    return stderr;
  }

  @Override
  public void closeStdin() {
    try {
      if (exec.tty()) {
        // Half-closing a terminal's socket loses its output: type Ctrl-D instead.
        stdin.write(END_OF_TRANSMISSION);
      } else {
        channel.shutdownOutput();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close the standard input of exec " + exec.id(), e);
    }
  }

  @Override
  public void resize(int columns, int rows) {
    if (!exec.tty()) {
      throw new IllegalStateException("Exec " + exec.id() + " has no terminal to resize");
    }
    try {
      client.docker().resizeExecCmd(exec.id()).withSize(rows, columns).exec();
    } catch (RuntimeException e) {
      throw Failures.translate(e, "Cannot resize the terminal of exec " + exec.id());
    }
  }

  @Override
  public OptionalLong exitCode() {
    try {
      var inspection = client.docker().inspectExecCmd(exec.id()).exec();
      if (Boolean.TRUE.equals(inspection.isRunning()) || inspection.getExitCodeLong() == null) {
        return OptionalLong.empty();
      }
      return OptionalLong.of(inspection.getExitCodeLong());
    } catch (RuntimeException e) {
      throw Failures.translate(e, "Cannot inspect exec " + exec.id());
    }
  }

  @Override
  public long waitFor(Duration timeout) {
    if (!Polling.until(timeout, () -> exitCode().isPresent())) {
      throw new DockerTimeoutException(
          "Exec " + exec.id() + " still runs after " + timeout.toSeconds() + " s");
    }
    return exitCode().orElseThrow();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      if (exitCode().isEmpty()) {
        new ExecKiller(client).kill(exec.containerId(), exec.user(), exec.token());
      }
    } catch (DockerException e) {
      // The container may be gone already: then so are its processes.
    } finally {
      try {
        channel.close();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot close the socket of exec " + exec.id(), e);
      }
    }
  }
}
