package org.allgo.it.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * What the fault tests measured, one line each, for the README's Reliability table: written to the
 * log and to {@code target/reliability.txt} ({@code -Dallgo.test.figures}).
 */
public final class Figures {

  private static final System.Logger LOG = System.getLogger(Figures.class.getName());
  private static final String FILE = System.getProperty("allgo.test.figures", "");

  private Figures() {}

  public static void record(String fault, String figures) {
    String line = fault + ": " + figures;
    LOG.log(System.Logger.Level.INFO, "Reliability: {0}", line);
    if (FILE.isBlank()) {
      return;
    }
    try {
      Path file = Path.of(FILE);
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(
          file,
          line + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Seconds with one decimal. */
  public static String seconds(Duration duration) {
    return String.format("%.1f s", duration.toMillis() / 1000.0);
  }
}
