package org.allgo.ssh.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.allgo.connector.api.ContainerInfo;
import org.allgo.connector.api.DockerConnection;
import org.allgo.connector.api.DockerConnectionFactory;
import org.allgo.connector.api.DockerException;
import org.allgo.connector.api.ExecSession;
import org.allgo.connector.api.ExecSpec;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.Signal;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One channel's program, run in the webapp's sandbox with docker exec: the client's streams are
 * copied to and from the exec, its end of input becomes the program's, its window changes resize
 * the terminal, and the program's exit status becomes the channel's. When the channel closes first,
 * the exec is closed, which kills what is left of the program.
 */
final class SandboxCommand implements Command {

  private static final Logger LOG = LoggerFactory.getLogger(SandboxCommand.class);
  private static final Duration EXIT_WAIT = Duration.ofDays(365);
  private static final int DEFAULT_COLUMNS = 80;
  private static final int DEFAULT_ROWS = 24;
  private static final int FAILURE = 1;

  private final SshSettings settings;
  private final DockerConnectionFactory docker;
  private final ExecutorService threads;
  private final String webapp;
  private final List<String> argv;
  private final AtomicBoolean ended = new AtomicBoolean();
  private InputStream in;
  private OutputStream out;
  private OutputStream err;
  private ExitCallback exit;
  private ExecSession exec;

  SandboxCommand(
      SshSettings settings,
      DockerConnectionFactory docker,
      ExecutorService threads,
      String webapp,
      List<String> argv) {
    this.settings = settings;
    this.docker = docker;
    this.threads = threads;
    this.webapp = webapp;
    this.argv = List.copyOf(argv);
  }

  @Override
  public void setInputStream(InputStream value) {
    in = value;
  }

  @Override
  public void setOutputStream(OutputStream value) {
    out = value;
  }

  @Override
  public void setErrorStream(OutputStream value) {
    err = value;
  }

  @Override
  public void setExitCallback(ExitCallback value) {
    exit = value;
  }

  @Override
  public void start(ChannelSession channel, Environment env) {
    threads.execute(() -> run(env));
  }

  @Override
  public void destroy(ChannelSession channel) {
    ended.set(true);
    ExecSession session;
    synchronized (this) {
      session = exec;
    }
    if (session != null) {
      session.close();
    }
  }

  private void run(Environment env) {
    try (DockerConnection connection = docker.getConnection()) {
      Optional<ContainerInfo> sandbox = connection.find(settings.sandboxName(webapp));
      if (sandbox.isEmpty() || !sandbox.get().running()) {
        fail(
            "The sandbox of webapp "
                + webapp
                + " is not running: start it on "
                + settings.webappPage(webapp));
        return;
      }
      ExecSpec spec = spec(env);
      try (ExecSession session = connection.exec(settings.sandboxName(webapp), spec)) {
        if (attach(session)) {
          end((int) relay(session, spec.tty(), env));
        }
      }
    } catch (DockerException e) {
      LOG.warn("Session in the sandbox of webapp {} failed: {}", webapp, e.getMessage());
      fail("The sandbox of webapp " + webapp + " cannot be reached: " + e.getMessage());
    } catch (IOException | ExecutionException | RuntimeException e) {
      if (!ended.get()) {
        LOG.warn("Session in the sandbox of webapp {} failed", webapp, e);
        fail("The session in the sandbox of webapp " + webapp + " failed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Keeps the exec for {@link #destroy}; false when the channel has closed meanwhile. */
  private synchronized boolean attach(ExecSession session) {
    exec = session;
    return !ended.get();
  }

  /** Copies the streams until the program's output ends; returns its exit code. */
  private long relay(ExecSession session, boolean tty, Environment env)
      throws IOException, ExecutionException, InterruptedException {
    if (tty) {
      env.addSignalListener((channel, signal) -> resize(session, env), Signal.WINCH);
    }
    Future<?> input = threads.submit(() -> forwardInput(session));
    Future<?> errors =
        tty
            ? CompletableFuture.completedFuture(null)
            : threads.submit(() -> copyQuietly(session.stderr(), err));
    copy(session.stdout(), out);
    errors.get();
    long code = session.waitFor(EXIT_WAIT);
    input.cancel(true);
    return code;
  }

  private ExecSpec spec(Environment env) {
    Map<String, String> vars = env.getEnv();
    ExecSpec spec = ExecSpec.of(argv);
    String term = vars.get(Environment.ENV_TERM);
    // A pty-req sets TERM, COLUMNS and LINES; an env request alone does not set the size.
    if (term != null && vars.containsKey(Environment.ENV_COLUMNS)) {
      spec =
          spec.withTty(
                  size(vars.get(Environment.ENV_COLUMNS), DEFAULT_COLUMNS),
                  size(vars.get(Environment.ENV_LINES), DEFAULT_ROWS))
              .withEnv("TERM", term);
    }
    for (Map.Entry<String, String> var : vars.entrySet()) {
      if (var.getKey().equals("LANG") || var.getKey().startsWith("LC_")) {
        spec = spec.withEnv(var.getKey(), var.getValue());
      }
    }
    return spec;
  }

  private static int size(String value, int otherwise) {
    try {
      int size = Integer.parseInt(value);
      return size > 0 ? size : otherwise;
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  private void resize(ExecSession session, Environment env) {
    Map<String, String> vars = env.getEnv();
    try {
      session.resize(
          size(vars.get(Environment.ENV_COLUMNS), DEFAULT_COLUMNS),
          size(vars.get(Environment.ENV_LINES), DEFAULT_ROWS));
    } catch (DockerException | IllegalStateException e) {
      LOG.debug("Cannot resize the terminal in the sandbox of webapp {}: {}", webapp, e.toString());
    }
  }

  private void forwardInput(ExecSession session) {
    try {
      copy(in, session.stdin());
      session.closeStdin();
    } catch (IOException | RuntimeException e) {
      // The program or the client went away: nothing more to forward.
    }
  }

  private static void copyQuietly(InputStream from, OutputStream to) {
    try {
      copy(from, to);
    } catch (IOException e) {
      // The client went away: the exec is closed by destroy().
    }
  }

  private static void copy(InputStream from, OutputStream to) throws IOException {
    byte[] buffer = new byte[8192];
    int read;
    while ((read = from.read(buffer)) >= 0) {
      to.write(buffer, 0, read);
      to.flush();
    }
  }

  private void fail(String message) {
    if (ended.get()) {
      return;
    }
    try {
      err.write((message + "\n").getBytes(StandardCharsets.UTF_8));
      err.flush();
    } catch (IOException e) {
      // The client went away before reading why.
    }
    end(FAILURE);
  }

  private void end(int code) {
    if (ended.compareAndSet(false, true)) {
      exit.onExit(code);
    }
  }
}
