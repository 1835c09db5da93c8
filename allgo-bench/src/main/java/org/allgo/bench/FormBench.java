package org.allgo.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The job form as a person uses it ({@code bin/allgo bench form}): in a headless Chromium signed
 * in, "Run" pressed on a webapp's page, until the job's page is shown. The times are the browser's
 * own clocks: the press (a capturing click listener, before the form's handlers), the end of the
 * form's request, the job page's first byte and its DOMContentLoaded, read from the Navigation
 * Timing of the job page. Arguments: {@code <base url> <email> <password> <webapp> <runs> <results
 * dir> <chromedriver> <chromium>}; writes {@code bench/results/<date>-form.md}.
 */
final class FormBench {

  private FormBench() {}

  /** Marks the press and the end of the form's request, in the session's storage. */
  private static final String MARK =
      "sessionStorage.clear();"
          + "document.addEventListener('click', function () {"
          + "  sessionStorage.pressed = Date.now(); }, true);"
          + "var send = XMLHttpRequest.prototype.send;"
          + "XMLHttpRequest.prototype.send = function () {"
          + "  this.addEventListener('loadend', function () { sessionStorage.answered = Date.now(); });"
          + "  return send.apply(this, arguments); };";

  /** From the press: the form's answer, the job page's first byte, its DOMContentLoaded (ms). */
  private static final String TIMES =
      "var n = performance.getEntriesByType('navigation')[0], o = performance.timeOrigin,"
          + " p = +sessionStorage.pressed;"
          + "return [+sessionStorage.answered - p, o + n.responseStart - p,"
          + " o + n.domContentLoadedEventEnd - p];";

  public static void main(String[] args) throws IOException {
    String baseUrl = args[0];
    String email = args[1];
    String password = args[2];
    String webapp = args[3];
    int runs = Integer.parseInt(args[4]);
    Path results = Path.of(args[5]);
    int warmup = Integer.getInteger("bench.warmup", 10);
    Path profile = Files.createTempDirectory("allgo-bench-chromium-");
    System.setProperty("webdriver.chrome.driver", args[6]);
    ChromeOptions options =
        new ChromeOptions()
            .setBinary(new File(args[7]))
            .addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--window-size=1280,800");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(args[6]))
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    Latencies answered = new Latencies();
    Latencies firstByte = new Latencies();
    Latencies shown = new Latencies();
    try {
      driver.get(baseUrl + "/users/sign_in");
      driver.findElement(By.id("signin:email")).sendKeys(email);
      driver.findElement(By.id("signin:password")).sendKeys(password);
      driver.findElement(By.id("signin:submit")).click();
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
      wait.until(d -> !d.getCurrentUrl().contains("/users/sign_in"));
      for (int run = 0; run < warmup + runs; run++) {
        driver.get(baseUrl + "/app?name=" + webapp);
        ((JavascriptExecutor) driver).executeScript(MARK);
        driver.findElement(By.id("job:submit")).click();
        wait.until(
            d ->
                d.getCurrentUrl().contains("/jobs/")
                    && "complete"
                        .equals(
                            ((JavascriptExecutor) d).executeScript("return document.readyState")));
        @SuppressWarnings("unchecked")
        List<Number> times = (List<Number>) ((JavascriptExecutor) driver).executeScript(TIMES);
        if (run >= warmup) {
          answered.record(Duration.ofMillis(times.get(0).longValue()));
          firstByte.record(Duration.ofMillis(times.get(1).longValue()));
          shown.record(Duration.ofMillis(times.get(2).longValue()));
        }
      }
    } finally {
      driver.quit();
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add("# The job form: Run → the job's page, " + LocalDate.now());
    lines.add("");
    lines.add(
        "Machine: "
            + System.getProperty("bench.machine", "?")
            + ". Reproduce with `bin/allgo bench form`.");
    lines.add("");
    lines.add(
        "Headless Chromium (1280 × 800) signed in; on the page of a webapp whose program is busybox's"
            + " `true`, \"Run\" pressed "
            + runs
            + " times after "
            + warmup
            + " not measured, each time from a freshly loaded webapp page, no file. Times from the"
            + " press, by the browser's clocks.");
    lines.add("");
    lines.add("| from \"Run\" pressed to | p50 ms | p95 ms | max ms |");
    lines.add("|---|---|---|---|");
    for (Map.Entry<String, Latencies> row :
        List.of(
            Map.entry("the form's request answered (job created, redirect sent)", answered),
            Map.entry("the job page's first byte", firstByte),
            Map.entry("the job page shown (DOMContentLoaded)", shown))) {
      Latencies l = row.getValue();
      lines.add(
          "| "
              + row.getKey()
              + " | "
              + l.percentile(50)
              + " | "
              + l.percentile(95)
              + " | "
              + l.percentile(100)
              + " |");
    }
    lines.add("");
    Files.createDirectories(results);
    Path file = results.resolve(LocalDate.now() + "-form.md");
    Files.write(file, lines);
    System.out.println(String.join("\n", lines));
  }
}
