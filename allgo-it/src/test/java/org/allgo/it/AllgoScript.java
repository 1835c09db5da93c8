package org.allgo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/allgo} of the checkout under test ({@code -Dallgo.root}), run by tests that stop,
 * start or deploy a server themselves. It sees the given ALLGO_* settings and no others.
 */
public final class AllgoScript {

  private static final String ROOT = System.getProperty("allgo.root", "..");
  private static final String DB = System.getProperty("allgo.db", "mysql");

  private AllgoScript() {}

  /**
   * The settings the server under test was made with ({@code -Dallgo.test.server.settings}, which
   * {@code bin/allgo test} passes), over those its URL and environment imply: with them, {@code up}
   * finds the same domain instead of making another.
   */
  public static Map<String, String> serverSettings() {
    int port = URI.create(Server.BASE_URL).getPort();
    Map<String, String> settings =
        new HashMap<>(
            Map.of(
                "ALLGO_ENV",
                Server.ENVIRONMENT,
                "ALLGO_DB",
                DB,
                "ALLGO_PORTBASE",
                Integer.toString(port - 80),
                "ALLGO_DEV_DATA",
                "true",
                "ALLGO_DEBIAN_IMAGE",
                "false"));
    for (String setting : System.getProperty("allgo.test.server.settings", "").split("\\s+")) {
      int equals = setting.indexOf('=');
      if (equals > 0) {
        settings.put(setting.substring(0, equals), setting.substring(equals + 1));
      }
    }
    return settings;
  }

  /** The root of the checkout, where {@code bin/} and {@code var/} are. */
  public static File root() {
    return new File(ROOT).getAbsoluteFile();
  }

  /** Runs {@code bin/allgo command} with these settings; fails the test when it fails. */
  public static void run(String command, Map<String, String> settings) {
    ProcessBuilder builder =
        new ProcessBuilder(new File(root(), "bin/allgo").getPath(), command)
            .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(key -> key.startsWith("ALLGO_"));
    env.putAll(settings);
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
      assertThat(process.exitValue()).as("bin/allgo " + command + ":\n" + output).isZero();
    } catch (IOException e) {
      throw new IllegalStateException("Could not run bin/allgo " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
