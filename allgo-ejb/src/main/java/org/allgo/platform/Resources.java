package org.allgo.platform;

/**
 * The JNDI names of the resources allgo uses. The database pool and the mail session are made by
 * {@code payara-config/}; the Docker connection factory by the EAR's {@code application.xml}, on
 * the embedded adapter whose settings the server holds as its resource-adapter configuration.
 */
public final class Resources {

  /** The one JDBC pool: JPA, Jakarta Batch and EJB timers share it. */
  public static final String DATA_SOURCE = "jdbc/allgo";

  /** The mail session for every message allgo sends. */
  public static final String MAIL = "mail/allgo";

  /** The Docker connection factory. */
  public static final String DOCKER = "java:app/allgo/docker";

  private Resources() {}
}
