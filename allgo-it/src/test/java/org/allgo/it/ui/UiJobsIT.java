package org.allgo.it.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.allgo.it.Api;
import org.allgo.it.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Jobs in the browser: the list of one's jobs (filters, deleting several), a job page followed live
 * (its log as it is written, abort, run again), what others may not see, a forged post, the
 * author's chart of runs, on a phone too.
 */
class UiJobsIT extends BrowserTest {

  private static final Set<String> ENDED = Set.of("DONE", "ARCHIVED", "DELETED");

  UiJobsIT() {
    super(new Dimension(1280, 1400));
  }

  @Test
  void myJobsAreFilteredAndEndedOnesDeletedTogether() {
    String email = UiJobs.signedInNewUser(page, "list");
    Api api = UiJobs.api(email);
    long first = UiJobs.submit(api, "sleep", "0");
    long second = UiJobs.submit(api, "sleep", "0");
    long running = UiJobs.submit(api, "sleep", "120");
    try {
      assertThat(UiJobs.awaitApiState(api, first, ENDED)).isEqualTo("DONE");
      assertThat(UiJobs.awaitApiState(api, second, ENDED)).isEqualTo("DONE");
      assertThat(UiJobs.awaitApiState(api, running, Set.of("RUNNING", "DONE")))
          .isEqualTo("RUNNING");

      page.open("/jobs");
      assertThat(page.title()).isEqualTo("My jobs");
      assertThat(jobIds()).containsExactly(running, second, first);
      assertThat(checkbox(running).getAttribute("class")).contains("ui-state-disabled");
      page.screenshot("my-jobs");

      new Select(page.driver.findElement(By.id("state"))).selectByValue("running");
      page.press("filter-submit");
      assertThat(page.driver.getCurrentUrl()).contains("state=running");
      assertThat(jobIds()).containsExactly(running);

      page.open("/jobs?webapp=sleep&state=done");
      assertThat(jobIds()).containsExactly(second, first);
      page.open("/jobs?webapp=no-such-webapp");
      assertThat(jobIds()).isEmpty();
      assertThat(page.body()).contains("No job matches.");
      // Dates a day apart from today either way, whatever the time zones of server and test.
      page.open("/jobs?from=" + LocalDate.now().minusDays(1));
      assertThat(jobIds()).containsExactly(running, second, first);
      page.open("/jobs?to=" + LocalDate.now().minusDays(2));
      assertThat(jobIds()).isEmpty();

      page.open("/jobs");
      checkbox(first).click();
      checkbox(second).click();
      page.driver.findElement(By.id("jobs:delete")).click();
      page.driver.switchTo().alert().accept();
      page.waitFor(Duration.ofSeconds(30))
          .ignoring(StaleElementReferenceException.class)
          .until(
              d ->
                  page.messages().contains("2 jobs are deleted.")
                      && jobIds().equals(List.of(running)));
      assertThat(api.get("/api/v2/jobs/" + first).json().getString("state")).isEqualTo("DELETED");
      assertThat(api.get("/api/v2/jobs/" + second).json().getString("state")).isEqualTo("DELETED");
      assertThat(api.get("/api/v2/jobs/" + running).json().getString("state")).isEqualTo("RUNNING");
    } finally {
      api.post("/api/v2/jobs/" + running + "/abort", null);
    }
  }

  @Test
  void runningJobIsAbortedFromItsPage() {
    String email = UiJobs.signedInNewUser(page, "abort");
    Api api = UiJobs.api(email);
    long id = UiJobs.submit(api, "sleep", "120");
    try {
      page.open("/jobs/" + id);
      page.driver.executeScript("window.allgoNoReload = true;");
      UiJobs.awaitState(page, "RUNNING");
      assertThat(page.text("job-elapsed")).startsWith("Running for");
      // The program's first line, from the log while it is written.
      page.waitFor(Duration.ofSeconds(30))
          .ignoring(StaleElementReferenceException.class)
          .until(d -> page.text("job-log").contains("sleeping 120 seconds"));
      assertThat(page.text("job-log")).doesNotContain("---- allgo ----");
      page.screenshot("job-running-log");

      page.click("jobpage:abort");
      page.driver.switchTo().alert().accept();
      assertThat(UiJobs.awaitEnd(page, Duration.ofSeconds(60))).isEqualTo("ABORTED");
      assertThat(page.messages()).contains("Job " + id + " is aborted.");
      assertThat(page.driver.findElements(By.id("jobpage:abort"))).isEmpty();
      assertThat(page.driver.executeScript("return window.allgoNoReload === true;"))
          .isEqualTo(true);
      assertThat(api.get("/api/v2/jobs/" + id).json().getString("result")).isEqualTo("ABORTED");
      page.screenshot("job-aborted");

      page.click("jobpage:delete");
      page.driver.switchTo().alert().accept();
      page.waitFor(Duration.ofSeconds(30)).until(ExpectedConditions.urlMatches("/jobs$"));
      // The address changes as the list starts loading: its message may come a moment after.
      page.waitFor(Duration.ofSeconds(30))
          .ignoring(StaleElementReferenceException.class)
          .until(d -> page.messages().contains("Job " + id + " is deleted"));
      assertThat(api.get("/api/v2/jobs/" + id).json().getString("state")).isEqualTo("DELETED");
    } finally {
      // Ended already when the test passed; not left running when it failed.
      api.post("/api/v2/jobs/" + id + "/abort", null);
    }
  }

  @Test
  void jobFormSaysWhatIsWrongNextToItAndRunsFromTheKeyboard(@TempDir Path inputs) throws Exception {
    UiJobs.signedInNewUser(page, "form");
    page.open("/app?name=sleep");
    assertThat(
            new Select(page.driver.findElement(By.id("job:queue")))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .as("the webapp's queue")
        .isEqualTo("standard");

    page.driver
        .findElement(By.id("job:files_input"))
        .sendKeys(Files.writeString(inputs.resolve("allgo.log"), "mine").toString());
    page.waitFor(Duration.ofSeconds(30))
        .ignoring(StaleElementReferenceException.class)
        .until(d -> page.text("job:run-messages").contains("reserved for the job's log"));
    assertThat(page.driver.findElements(By.cssSelector("#staged-files li"))).isEmpty();

    UiJobs.stage(page, Files.writeString(inputs.resolve("kept.txt"), "kept"));
    page.fill("job:param", "'not closed");
    page.driver.findElement(By.id("job:submit")).click();
    page.waitFor(Duration.ofSeconds(30))
        .ignoring(StaleElementReferenceException.class)
        .until(d -> page.text("job:run-messages").contains("A single quote is not closed."));
    assertThat(page.path()).isEqualTo("/app");
    assertThat(page.messages()).as("shown by the form only").isEmpty();
    page.screenshot("job-form-error");

    // Then from the keyboard: no mail, parameters, Enter runs it with the file still there.
    page.driver.findElement(By.id("job:notify")).sendKeys(Keys.SPACE);
    assertThat(page.driver.findElement(By.id("job:notify")).isSelected()).isFalse();
    page.fill("job:param", "0");
    WebElement param = page.driver.findElement(By.id("job:param"));
    param.sendKeys(Keys.ENTER);
    page.waitFor(Duration.ofSeconds(30)).until(ExpectedConditions.urlMatches("/jobs/\\d+$"));
    assertThat(UiJobs.awaitEnd(page, Duration.ofSeconds(60))).isEqualTo("SUCCESS");
    assertThat(page.driver.findElements(By.cssSelector("a.job-file[data-name='kept.txt']")))
        .hasSize(1);
  }

  @Test
  void endedJobRunsAgainWithItsParametersAndFiles(@TempDir Path inputs) throws Exception {
    String email = UiJobs.signedInNewUser(page, "rerun");
    page.open("/app?name=sleep");
    long first =
        UiJobs.run(page, "1", false, Files.writeString(inputs.resolve("input.txt"), "again\n"));
    assertThat(UiJobs.awaitEnd(page, Duration.ofSeconds(90))).isEqualTo("SUCCESS");

    page.press("jobpage:rerun");
    assertThat(page.path()).matches("/jobs/\\d+");
    long second = Long.parseLong(page.path().substring("/jobs/".length()));
    assertThat(second).isNotEqualTo(first);
    assertThat(UiJobs.awaitEnd(page, Duration.ofSeconds(90))).isEqualTo("SUCCESS");
    assertThat(page.text("job-param")).isEqualTo("1");
    assertThat(page.text("job-log")).contains("sleeping 1 seconds").contains("---- allgo ----");
    // What it was given and what it made, apart.
    assertThat(page.text("job-inputs")).contains("input.txt");
    assertThat(page.text("job-outputs")).contains("allgo.log").doesNotContain("input.txt");
    page.driver.findElement(By.cssSelector("a.job-file[data-name='input.txt']")).click();
    assertThat(Files.readString(page.downloaded("input.txt"))).isEqualTo("again\n");
    assertThat(UiJobs.api(email).get("/api/v2/jobs/" + second).json().getString("owner"))
        .isEqualTo(email);
  }

  @Test
  void postWithoutThePagesViewStateChangesNothing() {
    String email = UiJobs.signedInNewUser(page, "forged");
    Api api = UiJobs.api(email);
    long id = endedJob(api, "0");
    page.open("/jobs/" + id);

    // The owner's own session, but a view state no page gave out: what a forged form could send.
    postDelete(id, "1:2");
    assertThat(api.get("/api/v2/jobs/" + id).json().getString("state")).isEqualTo("DONE");
    assertThat(api.get("/api/v2/jobs/" + id + "/files").array()).isNotEmpty();
    // The same request with the page's view state is the page's own: it deletes.
    postDelete(
        id, page.driver.findElement(By.name("jakarta.faces.ViewState")).getAttribute("value"));
    assertThat(api.get("/api/v2/jobs/" + id).json().getString("state")).isEqualTo("DELETED");
  }

  private void postDelete(long id, String viewState) {
    page.driver.executeAsyncScript(
        """
        const done = arguments[arguments.length - 1];
        fetch(arguments[0], {method: 'POST', body: new URLSearchParams({'jobpage': 'jobpage',
          'jobpage:delete': 'jobpage:delete', 'jakarta.faces.ViewState': arguments[1]})})
          .then(r => done(r.status));""",
        Server.BASE_URL + "/jobs/" + id,
        viewState);
  }

  @Test
  void anotherUsersJobIsRefused() {
    String owner = UiJobs.signedInNewUser(page, "owner");
    long id = UiJobs.submit(UiJobs.api(owner), "sleep", "0");
    browser.close();
    browser = Chromium.start();
    page = new UiPage(browser);
    UiJobs.signedInNewUser(page, "other");

    page.open("/jobs/" + id);
    // Answered as a job that does not exist, in words.
    assertThat(page.title()).isEqualTo("Not found");
    assertThat(page.body()).contains("There is no job " + id + ".");
    assertThat(page.body()).doesNotContain("sleep-output.txt");
    assertThat(status("/datastore/zip/" + id)).isEqualTo(404);
    assertThat(status("/datastore/" + id + "/allgo.log")).isEqualTo(404);
    page.open("/jobs?webapp=sleep");
    assertThat(jobIds()).doesNotContain(id);
    page.open("/jobs/999999999");
    assertThat(page.title()).isEqualTo("Not found");
  }

  @Test
  void authorSeesTheDurationsAndResultsOfTheJobs() {
    String email = UiJobs.signedInNewUser(page, "runs");
    Api api = UiJobs.api(email);
    long id = endedJob(api, "1");

    page.open("/webapps/manage?name=sleep");
    assertThat(page.title()).as("only its author and superusers").isEqualTo("Not allowed");

    browser.close();
    browser = Chromium.start(new Dimension(1280, 2400));
    page = new UiPage(browser).signedIn("devel@localhost", "allgo");
    page.open("/webapps/manage?name=sleep");
    assertThat(page.text("runs-summary"))
        .matches("The last \\d+ jobs? that ran \\(from .+ to .+\\): .*\\d+ success.*");
    assertThat(page.driver.findElements(By.cssSelector("#runs canvas"))).hasSize(1);
    page.screenshot("author-runs");
  }

  @Test
  void jobPagesFitAPhone() {
    browser.close();
    browser = Chromium.start(new Dimension(390, 844));
    page = new UiPage(browser);
    String email = UiJobs.signedInNewUser(page, "phone");
    Api api = UiJobs.api(email);
    long id = endedJob(api, "0");

    for (String path : new String[] {"/jobs", "/jobs/" + id, "/app?name=sleep"}) {
      page.open(path);
      assertThat(
              page.driver.executeScript(
                  "return document.documentElement.scrollWidth > document.documentElement.clientWidth;"))
          .as("horizontal scrolling on " + path)
          .isEqualTo(false);
    }
    page.open("/jobs/" + id).screenshot("job-phone");
    page.open("/jobs").screenshot("my-jobs-phone");
  }

  /** A job of the user on sleep, once it ended. */
  private static long endedJob(Api api, String seconds) {
    long id = UiJobs.submit(api, "sleep", seconds);
    assertThat(UiJobs.awaitApiState(api, id, ENDED)).isEqualTo("DONE");
    return id;
  }

  private List<Long> jobIds() {
    return page.driver.findElements(By.cssSelector("#jobs\\:table a.job-link")).stream()
        .map(a -> Long.parseLong(a.getAttribute("data-job")))
        .toList();
  }

  private WebElement checkbox(long id) {
    return UiJobs.row(page, id).findElement(By.cssSelector(".ui-selection-column .ui-chkbox-box"));
  }

  private long status(String path) {
    Object status =
        page.driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => done(r.status));",
            path);
    return ((Number) status).longValue();
  }
}
