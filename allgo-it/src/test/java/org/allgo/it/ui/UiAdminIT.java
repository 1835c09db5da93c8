package org.allgo.it.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.allgo.it.Api;
import org.allgo.it.Server;
import org.allgo.it.accounts.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * An administrator in the browser: locks a user, creates a queue, aborts someone's job from the
 * list of all jobs, looks at the engine and batch jobs.
 */
class UiAdminIT extends BrowserTest {

  private static final String ADMIN = "admin@localhost";

  UiAdminIT() {
    super(new Dimension(1280, 1400));
  }

  @BeforeEach
  void signIn() {
    page.signedIn(ADMIN, "allgo");
  }

  @Test
  void adminTablesFitAPhoneOrScrollInsideTheirBox() {
    page.driver.manage().window().setSize(new Dimension(390, 844));
    for (String path :
        new String[] {
          "/admin/users",
          "/admin/webapps",
          "/admin/jobs",
          "/admin/queues",
          "/admin/images",
          "/admin/engine",
          "/batch/"
        }) {
      page.open(path);
      assertThat(page.title()).as(path).isNotEqualTo("Not allowed");
      assertThat(
              page.driver.executeScript(
                  "return document.documentElement.scrollWidth"
                      + " > document.documentElement.clientWidth;"))
          .as("the page scrolls sideways on " + path)
          .isEqualTo(false);
      page.screenshot(
          (path.equals("/batch/") ? "batch" : path.substring(1).replace('/', '-')) + "-phone");
    }
  }

  @Test
  void lockedUserCanNoLongerSignIn() {
    String email = Users.newAddress("locked");
    Users.signUpConfirmed(email);

    page.open("/admin/users?q=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
    WebElement row =
        page.driver.findElement(
            By.xpath("//tr[.//span[@class='user-email' and text()='" + email + "']]"));
    assertThat(row.getText()).contains("Active").doesNotContain("ACTIVE");
    page.press(row.findElement(By.cssSelector("input[value='Lock']")));
    assertThat(page.messages()).contains(email + " is locked.");
    assertThat(
            page.driver
                .findElement(
                    By.xpath("//tr[.//span[@class='user-email' and text()='" + email + "']]"))
                .getText())
        .contains("Locked");
    page.screenshot("admin-users");

    try (Chromium other = Chromium.start()) {
      UiPage user = new UiPage(other).signIn(email, Users.PASSWORD);
      assertThat(user.messages()).contains("This account is locked");
      assertThat(other.driver.findElements(By.id("nav-account"))).isEmpty();
    }
  }

  @Test
  void adminCreatesAQueue() {
    String queue = "ui-" + UUID.randomUUID().toString().substring(0, 8);
    page.open("/admin/queues")
        .fill("queue:name", queue)
        .fill("queue:description", "Made in the browser")
        .fill("queue:timeout", "600")
        .fill("queue:cpu", "500")
        .fill("queue:maxJobs", "3")
        .fill("queue:retention", "7")
        .press("queue:submit");
    assertThat(page.messages()).contains("The queue " + queue + " is created.");
    WebElement row = page.driver.findElement(By.xpath("//tr[.//strong[text()='" + queue + "']]"));
    assertThat(row.getText())
        .contains("Made in the browser")
        .contains("600 s")
        .contains("0.5")
        .contains("7 days");
    page.screenshot("admin-queues");

    page.press(row.findElement(By.cssSelector("input[value='Edit']")))
        .fill("queue:maxJobs", "4")
        .press("queue:submit");
    assertThat(page.messages()).contains("The queue " + queue + " is saved.");
    assertThat(
            page.driver
                .findElement(By.xpath("//tr[.//strong[text()='" + queue + "']]/td[5]"))
                .getText())
        .isEqualTo("4");
  }

  @Test
  void adminAbortsAUsersJobFromAllJobs() {
    String email = Users.newAddress("busy");
    Users.signUpConfirmed(email);
    Api api = UiJobs.api(email);
    long id = UiJobs.submit(api, "sleep", "120");
    try {
      UiJobs.awaitApiState(api, id, Set.of("RUNNING", "DONE"));

      page.open("/admin/");
      page.press("admin-jobs");
      assertThat(page.title()).isEqualTo("All jobs");
      page.fill("owner", email).press("filter-submit");
      WebElement row = UiJobs.row(page, id);
      assertThat(row.getText()).contains(email).contains("sleep").contains("Running");
      page.screenshot("admin-jobs");

      row.findElement(By.cssSelector("button[id$=':abort']")).click();
      page.driver.switchTo().alert().accept();
      page.waitFor(Duration.ofSeconds(60))
          .ignoring(StaleElementReferenceException.class)
          .until(d -> page.messages().contains("Job " + id + " is aborted."));
      assertThat(UiJobs.row(page, id).getText()).contains("Aborted");
      assertThat(api.get("/api/v2/jobs/" + id).json().getString("result")).isEqualTo("ABORTED");

      page.open(
          "/admin/jobs?state=running&owner=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
      assertThat(page.driver.findElements(By.cssSelector("a[data-job='" + id + "']"))).isEmpty();
    } finally {
      api.post("/api/v2/jobs/" + id + "/abort", null);
    }
  }

  @Test
  void adminSeesTheEngineTheRegistryAndTheBatchJobs() {
    page.open("/admin/");
    page.screenshot("admin-console");
    page.open("/admin/engine");
    assertThat(page.driver.findElement(By.id("repositories")).getText())
        .contains("allgo/" + Server.ENVIRONMENT + "/sleep");
    assertThat(page.driver.findElement(By.id("disk")).getText()).contains("rw/");
    assertThat(page.driver.findElements(By.cssSelector("#containers .container-disk")))
        .as("the disk each container uses")
        .isNotEmpty()
        .allSatisfy(cell -> assertThat(cell.getText()).matches("[0-9.]+ [KMGT]?i?B|—"));
    page.screenshot("admin-engine");

    page.open("/admin/webapps");
    assertThat(page.body()).contains("sleep").contains("devel@localhost");
    page.screenshot("admin-webapps");

    page.open("/batch/");
    assertThat(page.title()).isEqualTo("Batch jobs");
    assertThat(page.body()).contains("Refreshed every 3 seconds");
    page.screenshot("batch");
  }
}
