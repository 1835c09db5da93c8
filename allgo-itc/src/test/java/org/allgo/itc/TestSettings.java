package org.allgo.itc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/**
 * The test run's settings inside the server: the system properties of the Maven run that the
 * deployment carries as {@value #RESOURCE}.
 */
public final class TestSettings {

  static final String RESOURCE = "allgo-itc.properties";
  static final List<String> NAMES = List.of("allgo.imap.host", "allgo.imap.port");

  private static final Properties SETTINGS = load();

  private TestSettings() {}

  /** The mail sink's IMAP host. */
  public static String imapHost() {
    return SETTINGS.getProperty("allgo.imap.host", "127.0.0.1");
  }

  public static int imapPort() {
    return Integer.parseInt(SETTINGS.getProperty("allgo.imap.port", "3143"));
  }

  private static Properties load() {
    Properties settings = new Properties();
    try (InputStream in = TestSettings.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in != null) {
        settings.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return settings;
  }
}
