package org.allgo.ssh.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.allgo.connector.api.DockerConnectionFactory;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactoryFactory;
import org.apache.sshd.common.util.threads.SshThreadPoolExecutor;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SSH server into sandboxes: public-key authentication only, against the database, within
 * {@link LoginLimits}; every channel runs in the login's sandbox; no forwarding of any kind. Every
 * thread comes from the given factory (the container's managed one in the server). Lives from
 * {@link #start} to {@link #close}.
 */
public final class SandboxSshServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SandboxSshServer.class);

  private final SshServer server;
  private final ExecutorService sessions;

  private SandboxSshServer(SshServer server, ExecutorService sessions) {
    this.server = server;
    this.sessions = sessions;
  }

  /** Starts listening; the host key is made on the first start and read from its file after. */
  public static SandboxSshServer start(
      SshSettings settings,
      DataSource database,
      DockerConnectionFactory docker,
      ThreadFactory threads)
      throws IOException {
    Files.createDirectories(settings.hostKey().getParent());
    ExecutorService sessions = Executors.newCachedThreadPool(threads);
    SshServer server = SshServer.setUpDefaultServer();
    server.setHost(settings.host());
    server.setPort(settings.port());
    server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(settings.hostKey()));
    server.setIoServiceFactoryFactory(new Nio2ServiceFactoryFactory(() -> ioThreads(threads)));
    server.setScheduledExecutorService(new ScheduledThreadPoolExecutor(1, threads), true);
    CoreModuleProperties.MAX_CONCURRENT_SESSIONS.set(server, settings.maxSessionsPerWebapp());
    CoreModuleProperties.IDLE_TIMEOUT.set(server, settings.idleTimeout());
    CoreModuleProperties.MAX_AUTH_REQUESTS.set(server, settings.maxAuthAttempts());
    CoreModuleProperties.AUTH_TIMEOUT.set(server, settings.logins().authTimeout());
    LoginGuard guard = new LoginGuard(settings.logins(), Clock.systemUTC());
    server.addSessionListener(guard);

    server.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
    server.setPublickeyAuthenticator(
        guard.counting(new KeyAuthenticator(new SshKeyStore(database))));
    server.setPasswordAuthenticator(null);
    server.setKeyboardInteractiveAuthenticator(null);
    server.setGSSAuthenticator(null);
    server.setHostBasedAuthenticator(null);
    server.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
    server.setAgentFactory(null);

    SandboxCommands commands = new SandboxCommands(settings, docker, sessions);
    server.setShellFactory(commands);
    server.setCommandFactory(commands);
    server.setSubsystemFactories(List.of(commands.sftp()));
    server.addSessionListener(new LoginLog());
    try {
      server.start();
    } catch (IOException | RuntimeException e) {
      sessions.shutdownNow();
      throw e;
    }
    LOG.info(
        "SSH into the sandboxes of environment {} on port {}",
        settings.environment(),
        port(server));
    return new SandboxSshServer(server, sessions);
  }

  private static SshThreadPoolExecutor ioThreads(ThreadFactory threads) {
    int count = Runtime.getRuntime().availableProcessors() + 1;
    return new SshThreadPoolExecutor(
        count, count, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), threads);
  }

  /** The port listened on. */
  public int port() {
    return port(server);
  }

  private static int port(SshServer server) {
    return server.getBoundAddresses().stream()
        .filter(InetSocketAddress.class::isInstance)
        .map(address -> ((InetSocketAddress) address).getPort())
        .findFirst()
        .orElse(server.getPort());
  }

  /** Stops listening and ends every session, killing what they run. */
  @Override
  public void close() {
    try {
      server.stop(true);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot stop the SSH server", e);
    } finally {
      sessions.shutdownNow();
      LOG.info("SSH server stopped");
    }
  }
}
