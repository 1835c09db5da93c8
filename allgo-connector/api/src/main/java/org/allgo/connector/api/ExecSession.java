package org.allgo.connector.api;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * A process started in a container, attached to the caller's streams. The session lives until
 * {@link #close()}, which kills what remains of the process and its children and releases the
 * socket.
 *
 * <p>Without a terminal, {@link #stdout()} and {@link #stderr()} may be read from two threads; a
 * stream that is not read keeps its data in memory. With a terminal, both streams of the process
 * arrive on {@link #stdout()} and {@link #stderr()} is empty.
 */
public interface ExecSession extends AutoCloseable {

  /** The engine's id of this exec. */
  String id();

  OutputStream stdin();

  InputStream stdout();

  InputStream stderr();

  /**
   * Ends the process's standard input: a program reading it sees end-of-file. With a terminal it
   * types the end-of-file character (Ctrl-D) instead, as a terminal user would.
   */
  void closeStdin();

  /** Changes the terminal's size; only for sessions with a terminal. */
  void resize(int columns, int rows);

  /** The exit code, once the process has ended. */
  OptionalLong exitCode();

  /** Waits for the process to end; throws {@link DockerTimeoutException} after {@code timeout}. */
  long waitFor(Duration timeout);

  @Override
  void close();
}
