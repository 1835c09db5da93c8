package org.allgo.it.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.allgo.it.Api;
import org.allgo.it.jobs.Jobs;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The job page and My jobs as people read them: a long parameter string wraps inside the window; a
 * waiting job shows no progress bar, and aborted before it started says it never did.
 */
class UiJobPageIT extends BrowserTest {

  private static final Set<String> ENDED = Set.of("DONE", "ARCHIVED", "DELETED");

  UiJobPageIT() {
    super(new Dimension(1280, 800));
  }

  @Test
  void aLongParameterWrapsOnTheJobPageAndInMyJobs() {
    String email = UiJobs.signedInNewUser(page, "long-param");
    Api api = UiJobs.api(email);
    String param = "a".repeat(4096);
    long id = UiJobs.submit(api, "sleep", param);
    UiJobs.awaitApiState(api, id, ENDED);

    page.open("/jobs/" + id);
    assertThat(page.driver.findElement(By.id("job-param")).getAttribute("textContent"))
        .isEqualTo(param);
    assertFitsTheWindow();

    page.open("/jobs");
    assertFitsTheWindow();
    assertThat(UiJobs.row(page, id).getSize().getHeight()).isLessThan(150);
  }

  @Test
  void aWaitingJobShowsNoProgressAndAbortedSaysItNeverStarted() {
    Api devel = Api.asDevelopmentUser("devel@localhost");
    String singleSlot = Jobs.queue(300, 1, 30);
    long running = Jobs.run(devel, "sleep", "120", singleSlot);
    Jobs.awaitState(devel, running, "RUNNING", Duration.ofSeconds(60));
    page.signedIn("devel@localhost", "allgo");
    page.open("/app?name=sleep");
    new Select(page.driver.findElement(By.id("job:queue"))).selectByValue(singleSlot);
    long waiting = UiJobs.run(page, "120", false);
    try {
      assertThat(page.state("job-state")).isEqualTo("WAITING");
      assertThat(page.text("job-state")).as("the badge, in words").isEqualTo("Waiting");
      assertThat(page.text("job-submitted"))
          .isEqualTo("Job " + waiting + " is submitted: it waits in queue " + singleSlot + ".");
      assertThat(page.driver.findElements(By.cssSelector(".ui-progressbar"))).isEmpty();
      assertThat(page.body()).contains("Waiting in queue");

      devel.post("/api/v2/jobs/" + waiting + "/abort", null);
      // The banner goes when the job moves on, without a reload.
      page.waitFor(Duration.ofSeconds(30))
          .until(d -> d.findElements(By.id("job-submitted")).isEmpty());
      page.open("/jobs/" + waiting);
      assertThat(page.text("job-times")).startsWith("Never started");
      assertThat(page.body()).doesNotContain("Started ,").doesNotContain("Waiting in queue");
      assertThat(page.driver.findElements(By.id("job-log"))).isEmpty();
      assertThat(page.driver.findElements(By.cssSelector(".ui-progressbar"))).isEmpty();
    } finally {
      devel.post("/api/v2/jobs/" + running + "/abort", null);
      devel.post("/api/v2/jobs/" + waiting + "/abort", null);
    }
  }

  @Test
  void enterOnChooseFilesNeverSubmitsTheForm() {
    UiJobs.signedInNewUser(page, "enter-choose");
    page.open("/app?name=sleep");
    WebElement choose =
        page.driver.findElement(By.cssSelector("#job\\:files .ui-fileupload-choose"));
    choose.sendKeys(Keys.ENTER);
    assertThat(page.path()).isEqualTo("/app");

    // Had Enter run a job, the form would have gone to its page before this run (Faces queues
    // the requests of a page): only this one job exists.
    long id = UiJobs.run(page, "0", false);
    page.open("/jobs");
    assertThat(
            page.driver.findElements(By.cssSelector("#jobs\\:table a.job-link")).stream()
                .map(a -> Long.parseLong(a.getAttribute("data-job")))
                .toList())
        .containsExactly(id);
  }

  private void assertFitsTheWindow() {
    Object overflow =
        page.driver.executeScript(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
    assertThat(((Number) overflow).longValue()).as(page.path()).isLessThanOrEqualTo(0);
  }
}
