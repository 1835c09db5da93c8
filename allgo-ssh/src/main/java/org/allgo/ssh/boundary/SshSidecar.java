package org.allgo.ssh.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.allgo.connector.api.DockerConnectionFactory;
import org.allgo.ssh.control.LoginLimits;
import org.allgo.ssh.control.SandboxSshServer;
import org.allgo.ssh.control.SshSettings;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the SSH server while the application is deployed on Payara Micro, beside the connector's
 * standalone RAR ({@code allgo-connector-rar}) and a JDBC resource on a read-only account.
 */
@Startup
@Singleton
@ConnectionFactoryDefinition(
    name = SshSidecar.DOCKER,
    interfaceName = "org.allgo.connector.api.DockerConnectionFactory",
    resourceAdapter = "allgo-connector-rar",
    transactionSupport = TransactionSupportLevel.NoTransaction,
    maxPoolSize = 64)
public class SshSidecar {

  static final String DOCKER = "java:app/allgo/docker";

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  private ManagedThreadFactory threads;

  @Resource(lookup = DOCKER)
  private DockerConnectionFactory docker;

  @Resource(lookup = "jdbc/allgo-ssh")
  private DataSource database;

  @Inject
  @ConfigProperty(name = "allgo.ssh.host", defaultValue = "0.0.0.0")
  private String host;

  @Inject
  @ConfigProperty(name = "allgo.ssh.port", defaultValue = "2222")
  private int port;

  @Inject
  @ConfigProperty(name = "allgo.env", defaultValue = "dev")
  private String environment;

  @Inject
  @ConfigProperty(name = "allgo.data")
  private String data;

  @Inject
  @ConfigProperty(name = "allgo.base-url", defaultValue = "http://localhost:8080")
  private String baseUrl;

  @Inject
  @ConfigProperty(name = "allgo.ssh.max-sessions-per-webapp", defaultValue = "10")
  private int maxSessions;

  @Inject
  @ConfigProperty(name = "allgo.ssh.idle-timeout", defaultValue = "PT30M")
  private Duration idleTimeout;

  @Inject
  @ConfigProperty(name = "allgo.ssh.max-auth-attempts", defaultValue = "6")
  private int maxAuthAttempts;

  @Inject
  @ConfigProperty(name = "allgo.ssh.auth-timeout", defaultValue = "PT1M")
  private Duration authTimeout;

  @Inject
  @ConfigProperty(name = "allgo.ssh.max-unauthenticated", defaultValue = "30")
  private int maxUnauthenticated;

  @Inject
  @ConfigProperty(name = "allgo.ssh.max-unauthenticated-per-address", defaultValue = "10")
  private int maxUnauthenticatedPerAddress;

  @Inject
  @ConfigProperty(name = "allgo.ssh.max-failures-per-address", defaultValue = "30")
  private int maxFailuresPerAddress;

  @Inject
  @ConfigProperty(name = "allgo.ssh.failure-window", defaultValue = "PT10M")
  private Duration failureWindow;

  private SandboxSshServer server;

  @PostConstruct
  void start() {
    SshSettings settings =
        SshSettings.of(environment, Path.of(data), baseUrl)
            .withListener(host, port)
            .withLimits(maxSessions, idleTimeout, maxAuthAttempts)
            .withLogins(
                new LoginLimits(
                    authTimeout,
                    maxUnauthenticated,
                    maxUnauthenticatedPerAddress,
                    maxFailuresPerAddress,
                    failureWindow));
    try {
      server = SandboxSshServer.start(settings, database, docker, threads);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the SSH server on port " + port, e);
    }
  }

  @PreDestroy
  void stop() {
    server.close();
  }
}
