package org.allgo.it.ui;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium with a fresh profile, driven through Debian's ChromeDriver ({@code
 * -Dallgo.test.chromedriver}, {@code -Dallgo.test.chromium}). The flags keep it from reaching the
 * internet (updates, sync, background requests) and fit it to containers. Downloads land in {@link
 * #downloads}, inside the profile.
 */
final class Chromium implements AutoCloseable {

  static final String DRIVER =
      System.getProperty("allgo.test.chromedriver", "/usr/bin/chromedriver");
  static final String BINARY = System.getProperty("allgo.test.chromium", "/usr/bin/chromium");

  final ChromeDriver driver;
  final Path downloads;
  private final Path profile;

  private Chromium(ChromeDriver driver, Path profile, Path downloads) {
    this.driver = driver;
    this.profile = profile;
    this.downloads = downloads;
  }

  /** A desktop-sized browser. */
  static Chromium start() {
    return start(new Dimension(1280, 1000));
  }

  static Chromium start(Dimension size) {
    Path profile;
    Path downloads;
    try {
      profile = Files.createTempDirectory("allgo-chromium-");
      downloads = Files.createDirectory(profile.resolve("downloads"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // An explicit driver and browser: Selenium Manager must not go looking for them online.
    System.setProperty("webdriver.chrome.driver", DRIVER);
    ChromeOptions options =
        new ChromeOptions()
            .setBinary(new File(BINARY))
            .addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-extensions",
                "--user-data-dir=" + profile,
                "--window-size=" + size.width + "," + size.height)
            .setExperimentalOption(
                "prefs",
                Map.of(
                    "download.default_directory",
                    downloads.toString(),
                    "download.prompt_for_download",
                    false));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER))
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    driver.manage().window().setSize(size);
    return new Chromium(driver, profile, downloads);
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // A temporary profile left behind is harmless.
      }
    }
  }
}
