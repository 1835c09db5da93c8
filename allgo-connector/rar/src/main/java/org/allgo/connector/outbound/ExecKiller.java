package org.allgo.connector.outbound;

import com.github.dockerjava.api.DockerClient;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import org.allgo.connector.adapter.EngineClient;

/**
 * Ends what remains of an exec. The engine knows the exec's pid only in its own namespace, so every
 * exec carries a marker variable, and a second exec, as the same user, kills the processes of the
 * container whose environment holds it (the children inherit it). It needs {@code sh}, {@code tr},
 * {@code grep} and {@code kill} in the container.
 */
final class ExecKiller {

  static final String MARKER = "ALLGO_EXEC";

  private static final System.Logger LOG = System.getLogger(ExecKiller.class.getName());
  private static final String SCRIPT =
      "for d in /proc/[0-9]*; do "
          + "if tr '\\0' '\\n' < \"$d/environ\" 2>/dev/null | grep -qxF \"$1\"; then kill -9 \"${d#/proc/}\" 2>/dev/null; fi; "
          + "done; true";

  private final EngineClient client;

  ExecKiller(EngineClient client) {
    this.client = client;
  }

  /** Kills the processes marked {@code MARKER=token} in the container, as {@code user}. */
  void kill(String containerId, String user, String token) {
    DockerClient docker = client.docker();
    try {
      var create =
          docker
              .execCreateCmd(containerId)
              .withCmd("sh", "-c", SCRIPT, "allgo-exec-kill", MARKER + "=" + token)
              .withAttachStdout(false)
              .withAttachStderr(false);
      if (!user.isEmpty()) {
        create.withUser(user);
      }
      String killer = create.exec().getId();
      client
          .send(
              "POST",
              "/exec/" + killer + "/start",
              Map.of("Content-Type", "application/json"),
              "{\"Detach\":true,\"Tty\":false}".getBytes(),
              "Cannot start the exec killer")
          .close();
      Polling.until(
          Duration.ofSeconds(10),
          () -> !Boolean.TRUE.equals(docker.inspectExecCmd(killer).exec().isRunning()));
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Could not kill the processes of exec {0} in {1}: {2}",
          token,
          containerId,
          e.toString());
    }
  }
}
