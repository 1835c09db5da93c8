package org.allgo.connector.outbound;

import com.github.dockerjava.api.command.ExecCreateCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.allgo.connector.adapter.EngineClient;
import org.allgo.connector.adapter.Failures;
import org.allgo.connector.api.ConflictException;
import org.allgo.connector.api.DockerException;
import org.allgo.connector.api.ExecSession;
import org.allgo.connector.api.ExecSpec;

/** Starts processes in the environment's running containers. */
final class Execs {

  private final EngineClient client;
  private final Containers containers;

  Execs(EngineClient client, Containers containers) {
    this.client = client;
    this.containers = containers;
  }

  ExecSession start(String container, ExecSpec spec) {
    InspectContainerResponse target = containers.owned(container);
    if (!Boolean.TRUE.equals(target.getState().getRunning())) {
      throw new ConflictException("Cannot exec in container " + container + ": it is not running");
    }
    String token = UUID.randomUUID().toString();
    String execId = create(target.getId(), spec, token);
    var exec = new RawExecSession.Exec(execId, target.getId(), spec.user(), token, spec.tty());
    SocketChannel channel = client.openSocket();
    try {
      HttpUpgrade.startExec(channel, execId, spec.tty());
    } catch (IOException | DockerException e) {
      closeQuietly(channel);
      throw e instanceof DockerException known
          ? known
          : Failures.unavailable("Cannot start exec in " + container, e);
    }
    RawExecSession session = new RawExecSession(client, exec, channel);
    if (spec.tty()) {
      try {
        session.resize(spec.columns(), spec.rows());
      } catch (DockerException e) {
        // A process that has already ended has no terminal left to size.
        if (session.exitCode().isEmpty()) {
          session.close();
          throw e;
        }
      }
    }
    return session;
  }

  private String create(String containerId, ExecSpec spec, String token) {
    List<String> env = new ArrayList<>(ContainerCommands.environment(spec.env()));
    env.add(ExecKiller.MARKER + "=" + token);
    ExecCreateCmd command =
        client
            .docker()
            .execCreateCmd(containerId)
            .withCmd(spec.argv().toArray(String[]::new))
            .withEnv(env)
            .withTty(spec.tty())
            .withAttachStdin(true)
            .withAttachStdout(true)
            .withAttachStderr(true);
    if (!spec.user().isEmpty()) {
      command.withUser(spec.user());
    }
    if (!spec.workingDir().isEmpty()) {
      command.withWorkingDir(spec.workingDir());
    }
    try {
      return command.exec().getId();
    } catch (RuntimeException e) {
      throw Failures.translate(e, "Cannot create exec in container " + containerId);
    }
  }

  private static void closeQuietly(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // Nothing more can be done for a socket that failed before it was used.
    }
  }
}
