package org.allgo.ssh.testing;

import java.util.ArrayList;
import java.util.List;
import org.allgo.connector.testing.AdapterFixture;
import org.allgo.connector.testing.Commands;
import org.allgo.connector.testing.DockerCli;

/**
 * A webapp's sandbox as the platform starts it: busybox, the toolbox mounted read-only at {@code
 * /.toolbox}, an init process, labelled as a test container. Closing it removes the container.
 */
public final class Sandbox implements AutoCloseable {

  /**
   * Prints the terminal's size. Busybox 1.35's {@code stty size} fails on any terminal here
   * ("Inappropriate ioctl for device"), so the machine's coreutils stty is mounted at {@code
   * /.test/stty} and run through the toolbox's loader and libc.
   */
  public static final String STTY_SIZE =
      "/.toolbox/lib/ld-linux-x86-64.so.2 --library-path /.toolbox/lib /.test/stty size";

  private final String name;

  public Sandbox(String environment, String dockerName) {
    this.name = environment + "-user-" + dockerName;
    DockerCli.run("rm", "-f", name);
    DockerCli.output(
        "run",
        "-d",
        "--name",
        name,
        "--init",
        "--network",
        "none",
        "--label",
        AdapterFixture.TEST_LABEL + "=true",
        "--label",
        "allgo.env=" + environment,
        "-v",
        Settings.toolbox() + ":/.toolbox:ro",
        "-v",
        "/usr/bin/stty:/.test/stty:ro",
        AdapterFixture.BUSYBOX.toString(),
        "sleep",
        "1000000");
  }

  public String name() {
    return name;
  }

  /** Runs {@code command} in the sandbox with docker exec, beside the SSH server. */
  public Commands.Result exec(String... command) {
    List<String> argv = new ArrayList<>(List.of("exec", name));
    argv.addAll(List.of(command));
    return DockerCli.run(argv.toArray(String[]::new));
  }

  public String hostname() {
    return DockerCli.output("inspect", "-f", "{{.Config.Hostname}}", name);
  }

  @Override
  public void close() {
    DockerCli.run("rm", "-f", name);
  }
}
