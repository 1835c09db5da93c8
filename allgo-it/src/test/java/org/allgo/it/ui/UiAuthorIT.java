package org.allgo.it.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.allgo.connector.testing.Commands;
import org.allgo.connector.testing.DockerCli;
import org.allgo.it.Api;
import org.allgo.it.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * An author in the browser: creates a webapp, starts its sandbox from busybox, installs a program
 * (with docker exec, as SSH would), commits a version and watches the batch job bring it to READY
 * without reloading the page.
 */
class UiAuthorIT extends BrowserTest {

  private static final String AUTHOR = "devel@localhost";

  private final String name = "ui-" + UUID.randomUUID().toString().substring(0, 8);

  UiAuthorIT() {
    super(new Dimension(1280, 1600));
  }

  @AfterEach
  void cleanUp() {
    Api.asDevelopmentUser(AUTHOR).delete("/api/v2/webapps/" + name);
    DockerCli.run("rm", "-f", sandbox());
  }

  @Test
  void authorCreatesStartsCommitsAndWatchesTheVersionBecomeReady() {
    createInTheBrowser("UI test " + name, "Says **hello**. <script>alert(1)</script>");
    assertThat(page.path()).isEqualTo("/webapps/manage");
    assertThat(page.messages()).contains("is created");
    assertThat(page.state("sandbox-state")).isEqualTo("IDLE");
    assertThat(page.text("sandbox-state")).isEqualTo("Idle");
    assertThat(page.text("visibility")).isEqualTo("Private until a version is ready");
    assertThat(steps("todo"))
        .contains("step-sandbox", "step-program", "step-version", "step-public");

    startTheSandboxFromBusybox();
    assertThat(page.text("ssh-command")).matches("ssh -p \\d+ " + name + "@\\S+");
    // The checklist asks the running sandbox: no program yet.
    assertThat(steps("done")).contains("step-sandbox").doesNotContain("step-program");
    assertThat(page.text("program-missing")).contains("does not hold it");
    WebElement copy = page.driver.findElement(By.id("copy-ssh"));
    assertThat(copy.getAttribute("data-copy")).isEqualTo(page.text("ssh-command"));
    copy.click();
    page.waitFor(Duration.ofSeconds(5)).until(d -> copy.getText().equals("Copied"));

    Commands.Result install =
        DockerCli.run(
            "exec",
            sandbox(),
            "sh",
            "-c",
            "mkdir -p /usr/local/bin && printf '#!/bin/sh\\necho hello $1\\n' > /usr/local/bin/hello"
                + " && chmod 755 /usr/local/bin/hello");
    assertThat(install.exit()).as(install.output()).isZero();
    page.press("checklist:again");
    assertThat(steps("done")).contains("step-sandbox", "step-program");
    assertThat(page.text("program-found")).contains("holds it");
    page.open("/webapps/manage?name=" + name);
    assertThat(page.text("sandbox-disk"))
        .as("what the sandbox holds")
        .matches("[0-9.]+ [KMGT]?i?B");

    page.fill("commit:number", "1.0")
        .fill("commit:description", "first version")
        .press("commit:submit");
    assertThat(page.messages()).contains("Committing the sandbox as version 1.0");
    // A mark on this very page: it must survive until READY shows, so no reload happened.
    page.driver.executeScript("window.allgoNoReload = true;");
    page.screenshot("author-commit-in-progress");

    page.waitFor(Duration.ofSeconds(120))
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              WebElement state =
                  d.findElement(By.cssSelector(".version-state[data-version='1.0']"));
              String value = state.getAttribute("data-state");
              return value.equals("READY") || value.equals("ERROR");
            });
    assertThat(
            page.driver
                .findElement(By.cssSelector(".version-state[data-version='1.0']"))
                .getAttribute("data-state"))
        .as(page.body())
        .isEqualTo("READY");
    assertThat(page.driver.executeScript("return window.allgoNoReload === true;")).isEqualTo(true);
    page.open("/webapps/manage?name=" + name);
    assertThat(steps("done"))
        .contains("step-sandbox", "step-program", "step-version", "step-public");
    assertThat(page.text("visibility")).isEqualTo("Public");
    page.screenshot("author-manage");
    page.driver.manage().window().setSize(new Dimension(390, 844));
    page.open("/webapps/manage?name=" + name).screenshot("author-manage-phone");
    page.driver.manage().window().setSize(new Dimension(1280, 1600));

    page.open("/app?name=" + name);
    assertThat(page.driver.findElement(By.id("description")).getText())
        .contains("Says hello.")
        .contains("<script>alert(1)</script>");
    assertThat(page.driver.findElements(By.cssSelector("#description script"))).isEmpty();
    assertThat(page.driver.findElement(By.cssSelector("#description strong")).getText())
        .isEqualTo("hello");
  }

  @Test
  void aVersionWhoseProgramIsMissingEndsInErrorWithItsReasonOnTheManagePage() {
    createInTheBrowser("UI broken " + name, "");
    startTheSandboxFromBusybox();

    // Nothing installed: the empty sandbox committed as it is.
    page.fill("commit:number", "1.0").press("commit:submit");
    page.waitFor(Duration.ofSeconds(120))
        .ignoring(StaleElementReferenceException.class)
        .until(d -> versionState("1.0").equals("ERROR") || versionState("1.0").equals("READY"));

    assertThat(versionState("1.0")).as(page.body()).isEqualTo("ERROR");
    page.open("/webapps/manage?name=" + name);
    assertThat(
            page.driver
                .findElement(By.cssSelector(".version-reason[data-version='1.0']"))
                .getText())
        .contains("/usr/local/bin/hello is not a file in the image")
        .contains("chmod 755");
    assertThat(steps("todo")).contains("step-program", "step-version", "step-public");
    assertThat(page.text("visibility")).isEqualTo("Private until a version is ready");
    page.screenshot("author-broken-version");

    assertThat(Api.asDevelopmentUser("guest@localhost").get("/api/v2/webapps/" + name).status())
        .as("another user does not see a webapp without a READY version")
        .isEqualTo(404);
  }

  @Test
  void theAuthorSetsAndRemovesATestJobOnTheManagePage() {
    assertThat(Api.asDevelopmentUser(AUTHOR).post("/api/v2/webapps", webapp()).status())
        .isEqualTo(201);
    page.signedIn(AUTHOR, "allgo").open("/webapps/manage?name=" + name);
    assertThat(page.text("test-state")).startsWith("No test job");

    page.fill("test:param", "'unclosed").press("test:save");
    assertThat(page.text("test-state")).as(page.messages()).startsWith("No test job");
    page.fill("test:param", "--check data.txt").press("test:save");
    assertThat(page.text("test-state"))
        .as(page.messages())
        .isEqualTo("Every commit runs this test job.");
    assertThat(
            Api.asDevelopmentUser(AUTHOR)
                .get("/api/v2/webapps/" + name + "/test")
                .json()
                .getString("param"))
        .isEqualTo("--check data.txt");

    page.press("test:clear");
    assertThat(page.text("test-state")).startsWith("No test job");
  }

  private String webapp() {
    return "{\"name\": \"UI test job "
        + name
        + "\", \"dockerName\": \""
        + name
        + "\", \"entrypoint\": \"/usr/local/bin/hello\", \"memoryMb\": 64}";
  }

  @Test
  void anotherUsersWebappCannotBeManaged() {
    page.signedIn("guest@localhost", "allgo").open("/webapps/manage?name=sleep");
    assertThat(page.title()).isEqualTo("Not allowed");
    page.open("/admin/users");
    assertThat(page.title()).isEqualTo("Not allowed");
  }

  /** Signs in as the author and publishes the webapp through the "new webapp" form. */
  private void createInTheBrowser(String title, String description) {
    page.signedIn(AUTHOR, "allgo").open("/webapps/new");
    page.fill("webapp:name", title)
        .fill("webapp:dockerName", name)
        .fill("webapp:description", description)
        .fill("webapp:entrypoint", "/usr/local/bin/hello")
        .fill("webapp:memoryMb", "64")
        .press("webapp:submit");
  }

  /** Starts the sandbox from the busybox base image on the manage page; it runs. */
  private void startTheSandboxFromBusybox() {
    new Select(page.driver.findElement(By.id("sandbox:baseImage"))).selectByValue("busybox");
    page.press("sandbox:startBase");
    assertThat(page.state("sandbox-state")).as(page.messages()).isEqualTo("RUNNING");
  }

  /** The state of a version in the manage page's list, or "" while it is not listed. */
  private String versionState(String number) {
    List<WebElement> states =
        page.driver.findElements(By.cssSelector(".version-state[data-version='" + number + "']"));
    return states.isEmpty() ? "" : states.get(0).getAttribute("data-state");
  }

  /** The ids of the checklist's steps in that state ("done" or "todo"). */
  private List<String> steps(String state) {
    return page.driver.findElements(By.cssSelector("ol.checklist li." + state)).stream()
        .map(e -> e.getAttribute("id"))
        .toList();
  }

  private String sandbox() {
    return Server.ENVIRONMENT + "-user-" + name;
  }
}
