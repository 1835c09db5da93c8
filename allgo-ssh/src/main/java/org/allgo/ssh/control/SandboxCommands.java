package org.allgo.ssh.control;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.allgo.connector.api.DockerConnectionFactory;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.command.CommandFactory;
import org.apache.sshd.server.shell.ShellFactory;
import org.apache.sshd.server.subsystem.SubsystemFactory;

/**
 * What a session runs in its webapp's sandbox: the shell, a command through the sandbox's {@code
 * /bin/sh -c}, {@code scp} and the {@code sftp} subsystem through the toolbox's programs.
 */
public final class SandboxCommands implements ShellFactory, CommandFactory {

  private static final Pattern SCP = Pattern.compile("\\s*scp(\\s.*)?", Pattern.DOTALL);

  private final SshSettings settings;
  private final DockerConnectionFactory docker;
  private final ExecutorService threads;

  public SandboxCommands(
      SshSettings settings, DockerConnectionFactory docker, ExecutorService threads) {
    this.settings = settings;
    this.docker = docker;
    this.threads = threads;
  }

  @Override
  public Command createShell(ChannelSession channel) {
    // The toolbox's editors and pagers are at hand, after the sandbox's own programs.
    return command(
        channel,
        List.of(
            "/bin/sh",
            "-c",
            "PATH=\"${PATH:-/usr/local/bin:/usr/bin:/bin}:"
                + settings.toolbox()
                + "/bin\"; export PATH; exec /bin/sh"));
  }

  @Override
  public Command createCommand(ChannelSession channel, String command) {
    return command(channel, argv(command));
  }

  /** The {@code sftp} subsystem: the toolbox's sftp-server in the sandbox. */
  public SubsystemFactory sftp() {
    return new SubsystemFactory() {
      @Override
      public String getName() {
        return "sftp";
      }

      @Override
      public Command createSubsystem(ChannelSession channel) {
        return command(channel, List.of(settings.toolbox() + "/bin/sftp-server"));
      }
    };
  }

  /** The argument vector that runs a client's command string. */
  List<String> argv(String command) {
    Matcher scp = SCP.matcher(command);
    if (scp.matches()) {
      // scp's arguments are quoted for a shell: the toolbox's, whatever the sandbox's image holds.
      String arguments = scp.group(1) == null ? "" : scp.group(1);
      return List.of(
          settings.toolbox() + "/bin/sh", "-c", settings.toolbox() + "/bin/scp" + arguments);
    }
    return List.of("/bin/sh", "-c", command);
  }

  private Command command(ChannelSession channel, List<String> argv) {
    return new SandboxCommand(settings, docker, threads, channel.getSession().getUsername(), argv);
  }
}
