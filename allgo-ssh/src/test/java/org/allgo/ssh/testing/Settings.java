package org.allgo.ssh.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where the test command's services and files are; system properties override the defaults. */
public final class Settings {

  /**
   * The environment of every test sandbox, {@code sshtest} unless {@code -Dallgo.test.ssh.env} says
   * otherwise: its containers are named {@code sshtest-…}.
   */
  public static final String ENVIRONMENT = System.getProperty("allgo.test.ssh.env", "sshtest");

  private static final Pattern PORT = Pattern.compile("//[^/:]+:(\\d+)");

  private Settings() {}

  /** The checkout's root directory. */
  public static Path root() {
    return Path.of(System.getProperty("allgo.root", "..")).toAbsolutePath().normalize();
  }

  public static Path mariadbSocket() {
    return Path.of(
        System.getProperty(
            "allgo.test.mariadb.socket", root().resolve("var/mariadb/mysqld.sock").toString()));
  }

  /** The port of {@code allgo.test.mariadb.url} (as the test command passes it), else 3306. */
  public static int mariadbPort() {
    Matcher url = PORT.matcher(System.getProperty("allgo.test.mariadb.url", ""));
    return url.find() ? Integer.parseInt(url.group(1)) : 3306;
  }

  /** The sandbox toolbox bin/lib/images.sh makes; the tests need its scp and sftp-server. */
  public static Path toolbox() {
    Path toolbox =
        Path.of(
            System.getProperty(
                "allgo.test.toolbox", root().resolve("var/dev/ro/toolbox").toString()));
    if (!Files.isExecutable(toolbox.resolve("bin/sftp-server"))) {
      throw new IllegalStateException(
          "No sandbox toolbox in " + toolbox + ": make it with bin/lib/images.sh ensure_toolbox");
    }
    return toolbox;
  }

  /** What bin/lib/ssh.sh starts: the WAR, the RAR and the jars beside them. */
  public static Path sidecar() {
    return Path.of(System.getProperty("allgo.test.sidecar", "target/sidecar")).toAbsolutePath();
  }
}
