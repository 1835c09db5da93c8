package org.allgo.it.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.allgo.it.Api;
import org.allgo.it.accounts.Users;
import org.allgo.it.jobs.Multipart;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/** Jobs in the browser tests: the job form, the job page followed live, jobs made over the API. */
final class UiJobs {

  private UiJobs() {}

  /** A new confirmed user, signed in in the page. */
  static String signedInNewUser(UiPage page, String label) {
    String email = Users.newAddress(label);
    Users.signUpConfirmed(email);
    page.signedIn(email, Users.PASSWORD);
    return email;
  }

  /**
   * Sends files through the job form of the webapp page open in the browser, gives the parameters
   * and runs it, with a mail at its end or not (the mail sink is shared); returns the id of the job
   * whose page opens.
   */
  static long run(UiPage page, String param, boolean mail, Path... files) {
    stage(page, files);
    WebElement notify = page.driver.findElement(By.id("job:notify"));
    if (notify.isSelected() != mail) {
      notify.click();
    }
    page.fill("job:param", param).press("job:submit");
    assertThat(page.path()).as(page.body()).matches("/jobs/\\d+");
    return Long.parseLong(page.path().substring("/jobs/".length()));
  }

  /** Sends files to the job form, by its file picker, and waits until the form lists them. */
  static void stage(UiPage page, Path... files) {
    for (Path file : files) {
      page.driver.findElement(By.id("job:files_input")).sendKeys(file.toString());
      String name = file.getFileName().toString();
      page.waitFor(Duration.ofSeconds(30))
          .ignoring(StaleElementReferenceException.class)
          .until(
              d ->
                  d
                      .findElements(
                          By.cssSelector(
                              "#job\\:files .ui-fileupload-content #staged-files .staged-name"))
                      .stream()
                      .anyMatch(e -> e.getText().equals(name)));
    }
    // The widget's own row of an upload fades out once it is done.
    page.waitFor(Duration.ofSeconds(10))
        .until(d -> d.findElements(By.cssSelector("#job\\:files .ui-fileupload-row")).isEmpty());
  }

  /**
   * Waits on the open job page, without reloading it, until the job has ended; returns its result.
   */
  static String awaitEnd(UiPage page, Duration within) {
    // The result is read in the same wait: the page may render its badges again once the job ended.
    return page.waitFor(within)
        .ignoring(StaleElementReferenceException.class)
        .until(d -> "DONE".equals(page.state("job-state")) ? page.state("job-result") : null);
  }

  /** Waits on the open job page until it shows the state. */
  static void awaitState(UiPage page, String state) {
    page.waitFor(Duration.ofSeconds(60))
        .ignoring(StaleElementReferenceException.class)
        .until(d -> state.equals(page.state("job-state")));
  }

  /** The user's API client. */
  static Api api(String email) {
    return Api.as(Users.token(email, Users.PASSWORD));
  }

  /** Submits a job over the API, without mail; returns its id. */
  static long submit(Api api, String webapp, String param) {
    Multipart form =
        new Multipart().field("webapp", webapp).field("param", param).field("notify", "false");
    Api.Response created = api.post("/api/v2/jobs", form.contentType(), form.body());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().getJsonNumber("id").longValue();
  }

  /** Waits until the API shows the job in one of the states; returns that state. */
  static String awaitApiState(Api api, long id, Set<String> states) {
    return await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> api.get("/api/v2/jobs/" + id).json().getString("state"), states::contains);
  }

  /** The row of a job in a job list. */
  static WebElement row(UiPage page, long id) {
    return page.driver.findElement(By.xpath("//tr[.//a[@data-job='" + id + "']]"));
  }
}
