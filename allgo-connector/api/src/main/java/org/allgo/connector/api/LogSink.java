package org.allgo.connector.api;

/**
 * Where a container's log goes as it is read, one message at a time, so that no log is ever held
 * whole: see {@link DockerConnection#readLogs}.
 */
@FunctionalInterface
public interface LogSink {

  /** Takes the next message; false stops the reading there. */
  boolean accept(LogEntry entry);
}
