package org.allgo.ssh.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.allgo.connector.testing.Commands;

/**
 * The OpenSSH client of the machine, in batch mode, with its own known-hosts file and only the
 * identity it is given (no agent, no user configuration).
 */
public final class OpenSsh {

  public static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final Path directory;
  private final int port;

  /** Keys and the known-hosts file live in {@code directory}. */
  public OpenSsh(Path directory, int port) {
    this.directory = directory;
    this.port = port;
  }

  public OpenSsh withPort(int newPort) {
    return new OpenSsh(directory, newPort);
  }

  /** Makes a key pair {@code name}, {@code name.pub} of the given type; returns the private key. */
  public Path keyPair(String name, String type) {
    Path key = directory.resolve(name);
    Commands.run("ssh-keygen", "-q", "-t", type, "-N", "", "-C", name, "-f", key.toString())
        .orFail();
    return key;
  }

  public Path knownHosts() {
    return directory.resolve("known_hosts");
  }

  /** {@code extra}, then the options every client here runs with. */
  public List<String> options(Path key, String... extra) {
    // ssh keeps the first value given for an option: the extra ones come first.
    List<String> options = new ArrayList<>(List.of(extra));
    options.addAll(
        List.of(
            "-F",
            "/dev/null",
            "-o",
            "BatchMode=yes",
            "-o",
            "UserKnownHostsFile=" + knownHosts(),
            "-o",
            "StrictHostKeyChecking=accept-new",
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "IdentityAgent=none",
            "-o",
            "LogLevel=ERROR",
            "-o",
            "ConnectTimeout=20",
            "-i",
            key.toString()));
    return options;
  }

  /** {@code ssh [extra] -p PORT user@127.0.0.1 command}, fed {@code stdin}. */
  public Commands.Result ssh(
      Path key, String user, String stdin, List<String> extra, String command) {
    return Commands.run(
        sshCommand(key, user, extra, command), stdin, Map.of("TERM", "vt100"), TIMEOUT);
  }

  public Commands.Result ssh(Path key, String user, String command) {
    return ssh(key, user, "", List.of(), command);
  }

  public List<String> sshCommand(Path key, String user, List<String> extra, String command) {
    List<String> argv = new ArrayList<>(List.of("ssh"));
    argv.addAll(options(key, extra.toArray(String[]::new)));
    argv.addAll(List.of("-p", Integer.toString(port), user + "@127.0.0.1", command));
    return argv;
  }

  /** {@code scp [extra] file user@127.0.0.1:target}. */
  public Commands.Result scp(Path key, Path file, String user, String target, String... extra) {
    List<String> argv = new ArrayList<>(List.of("scp"));
    argv.addAll(options(key, extra));
    argv.addAll(
        List.of("-P", Integer.toString(port), file.toString(), user + "@127.0.0.1:" + target));
    return Commands.run(argv, "", Map.of(), TIMEOUT);
  }
}
