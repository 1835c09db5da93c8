package org.allgo.connector.api;

/**
 * The application's entry point to the Docker Engine: looked up or injected as a JCA connection
 * factory. Each connection is short-lived: get one, use it, close it (try-with-resources).
 */
public interface DockerConnectionFactory {

  /** A new connection handle; never null. */
  DockerConnection getConnection();
}
