package org.allgo.it.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.ResultType;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.allgo.it.Server;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the browser tests do on allgo's pages: open a path, fill and press by element id (Faces ids:
 * {@code form:field}), read the messages, wait, take screenshots.
 */
final class UiPage {

  static final Path SCREENSHOTS =
      Path.of(System.getProperty("allgo.test.screenshots", "target/screenshots"));

  /** The impacts of axe-core's findings that fail a page. */
  private static final Set<String> BLOCKING = Set.of("serious", "critical");

  final ChromeDriver driver;
  private final Path downloads;

  UiPage(Chromium browser) {
    this.driver = browser.driver;
    this.downloads = browser.downloads;
  }

  UiPage open(String path) {
    driver.get(path.startsWith("http") ? path : Server.BASE_URL + path);
    return this;
  }

  String title() {
    return driver.findElement(By.tagName("h1")).getText();
  }

  UiPage fill(String id, String text) {
    WebElement field = driver.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
    return this;
  }

  /** Presses a button and waits for the page that answers the form. */
  UiPage press(String id) {
    return press(driver.findElement(By.id(id)));
  }

  /** Presses a button and waits until the page it leads to (after redirects) has loaded. */
  UiPage press(WebElement button) {
    button.click();
    waitFor(Duration.ofSeconds(60)).until(d -> gone(button));
    waitFor(Duration.ofSeconds(60))
        .ignoring(WebDriverException.class)
        .until(
            d ->
                "complete".equals(driver.executeScript("return document.readyState"))
                    && !driver.findElements(By.tagName("h1")).isEmpty());
    return this;
  }

  // Chromium answers either "stale" or "does not belong to the document" for an element of a
  // page that was replaced.
  private static boolean gone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (WebDriverException e) {
      return true;
    }
  }

  /** The text of the page's messages, or "" when there are none. */
  String messages() {
    List<WebElement> messages = driver.findElements(By.id("messages"));
    return messages.isEmpty() ? "" : messages.get(0).getText();
  }

  String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  /**
   * Clicks the element, found again if the page rendered it anew meanwhile (a job page renders its
   * buttons again as the job changes).
   */
  void click(String id) {
    waitFor(Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              d.findElement(By.id(id)).click();
              return true;
            });
  }

  /** The value behind a state badge (its {@code data-state}); the badge itself shows a word. */
  String state(String id) {
    return attribute(id, "data-state");
  }

  /** An attribute of the element as the page wrote it, or null when it has none. */
  String attribute(String id, String name) {
    return driver.findElement(By.id(id)).getDomAttribute(name);
  }

  String body() {
    return driver.findElement(By.tagName("body")).getText();
  }

  String path() {
    return java.net.URI.create(driver.getCurrentUrl()).getPath();
  }

  /** The address the browser is at. */
  java.net.URI url() {
    return java.net.URI.create(driver.getCurrentUrl());
  }

  WebDriverWait waitFor(Duration timeout) {
    return new WebDriverWait(driver, timeout, Duration.ofMillis(250));
  }

  UiPage signIn(String email, String password) {
    open("/users/sign_in")
        .fill("signin:email", email)
        .fill("signin:password", password)
        .press("signin:submit");
    return this;
  }

  UiPage signedIn(String email, String password) {
    signIn(email, password);
    assertThat(driver.findElements(By.id("nav-account"))).as(messages()).isNotEmpty();
    return this;
  }

  /** Waits until the browser has downloaded a file of that name, and returns it. */
  Path downloaded(String name) {
    Path file = downloads.resolve(name);
    waitFor(Duration.ofSeconds(30))
        .until(
            d ->
                Files.isRegularFile(file)
                    && !Files.exists(downloads.resolve(name + ".crdownload")));
    return file;
  }

  /**
   * Runs axe-core (all its rules, on the page as the browser shows it now) and fails on any
   * violation of serious or critical impact.
   */
  UiPage assertAccessible(String what) {
    assertThat(accessibilityViolations(BLOCKING))
        .as("serious or critical accessibility violations on %s (%s)", what, path())
        .isEmpty();
    return this;
  }

  /**
   * What axe-core finds on the page as it is now, of those impacts: one line per element, with the
   * rule, its impact, the element, the rule's help and what is wrong there.
   */
  List<String> accessibilityViolations(Set<String> impacts) {
    Results results = axe().analyze(driver);
    assertThat(results.isErrored()).as("axe-core: %s", results.getErrorMessage()).isFalse();
    return results.getViolations().stream()
        .flatMap(
            rule ->
                rule.getNodes().stream()
                    .filter(node -> impacts.contains(node.getImpact()))
                    .map(
                        node ->
                            String.format(
                                "%s (%s) at %s: %s. %s",
                                rule.getId(),
                                node.getImpact(),
                                node.getTarget(),
                                rule.getHelp(),
                                String.valueOf(node.getFailureSummary()).replaceAll("\\s+", " "))))
        .toList();
  }

  /**
   * axe-core run in the page itself, every rule, the violations sent back in full (of the other
   * result types, one element a rule). Deque's default mode runs the page's part, then injects
   * axe-core again into a new blank window to finish the run, for the sake of frames from other
   * origins; the site's pages have no frame.
   */
  private static AxeBuilder axe() {
    AxeRunOptions options = new AxeRunOptions();
    options.setResultTypes(List.of(ResultType.Violations.getKey()));
    return new AxeBuilder().setLegacyMode(true).withOptions(options);
  }

  /** Writes a screenshot of the window as {@code target/screenshots/<name>.png}. */
  UiPage screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }
}
