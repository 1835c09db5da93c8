package org.allgo.it.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.allgo.it.Api;
import org.allgo.it.accounts.Mailbox;
import org.allgo.it.accounts.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * Each main page passes axe-core without a serious or critical violation, on a laptop (1280 wide)
 * and on a phone (390 wide, its menu open): a visitor's pages, a user's, an author's new webapp, an
 * administrator's. One browser per role.
 */
class UiAccessibilityIT extends BrowserTest {

  private static final Dimension LAPTOP = new Dimension(1280, 900);
  private static final Dimension PHONE = new Dimension(390, 844);

  UiAccessibilityIT() {
    super(LAPTOP);
  }

  @Test
  void aVisitorsPages() {
    check("/", "the catalog");
    check("/app?name=sleep", "a webapp's page, signed out");
    check("/users/sign_in", "sign-in");
    check("/users/sign_up", "sign-up");
    check("/users/confirmation/new", "the confirmation mail sent again");
    check("/users/password/new", "the password reset");
    check("/no-such-page", "the 404 page");

    page.open("/users/sign_up")
        .fill("signup:email", Users.newAddress("a11y-short"))
        .fill("signup:password", "short")
        .fill("signup:passwordAgain", "other")
        .press("signup:submit");
    both("sign-up with its field errors");
    page.signIn("nobody@localhost", "wrong password");
    both("sign-in refused");

    String email = Users.newAddress("a11y-reset");
    Users.signUpConfirmed(email);
    page.open("/users/password/new").fill("forgot:email", email).press("forgot:submit");
    both("the password reset, mail sent");
    page.open(
        Mailbox.await(email, Users.RESET_SUBJECT, 1)
            .link("/users/password/edit?reset_password_token="));
    both("the new password form");
  }

  @Test
  void aUsersPages(@TempDir Path inputs) throws Exception {
    page.signedIn("devel@localhost", "allgo");
    check("/", "the catalog, signed in");
    check("/webapps/mine", "my webapps");
    check("/webapps/new", "a new webapp");
    check("/webapps/manage?name=sleep", "the manage page");
    check("/account", "the account");
    check("/admin/users", "the 403 page");

    page.open("/app?name=sleep");
    UiJobs.stage(page, Files.writeString(inputs.resolve("numbers.txt"), "1 2 3\n"));
    both("a webapp's page with a staged file");
    long id = UiJobs.run(page, "8", false);
    Api api = Api.asDevelopmentUser("devel@localhost");
    try {
      UiJobs.awaitState(page, "RUNNING");
      both("a running job");
      UiJobs.awaitEnd(page, Duration.ofSeconds(90));
      check("/jobs/" + id, "a job done");
      check("/jobs", "my jobs");
    } finally {
      api.post("/api/v2/jobs/" + id + "/abort", null);
    }
  }

  @Test
  void anAuthorsNewWebapp() {
    String name = "a11y-" + UUID.randomUUID().toString().substring(0, 8);
    page.signedIn("devel@localhost", "allgo").open("/webapps/new").press("webapp:submit");
    both("a new webapp with its field errors");
    try {
      page.fill("webapp:name", "Accessibility " + name)
          .fill("webapp:dockerName", name)
          .fill("webapp:entrypoint", "/usr/local/bin/hello")
          .press("webapp:submit");
      assertThat(page.path()).as(page.messages()).isEqualTo("/webapps/manage");
      both("the manage page of a new webapp, its checklist to do");
      check("/app?name=" + name, "a webapp's page without a version");
    } finally {
      Api.asDevelopmentUser("devel@localhost").delete("/api/v2/webapps/" + name);
    }
  }

  @Test
  void anAdministratorsPages() {
    page.signedIn("admin@localhost", "allgo");
    check("/admin/", "the admin console");
    check("/admin/users", "users");
    check("/admin/webapps", "all webapps");
    check("/admin/jobs", "all jobs");
    check("/admin/queues", "queues");
    check("/admin/images", "images");
    check("/admin/engine", "the engine");
    check("/batch/", "batch jobs");
  }

  private void check(String path, String what) {
    page.open(path);
    both(what);
  }

  /** The page as it is, on a laptop, then on a phone with the menu open, then back. */
  private void both(String what) {
    page.assertAccessible(what + " at 1280");
    page.driver.manage().window().setSize(PHONE);
    WebElement menu = page.driver.findElement(By.id("menu-toggle"));
    page.waitFor(Duration.ofSeconds(5)).until(d -> menu.isDisplayed());
    menu.click();
    assertThat(page.driver.findElement(By.id("main-nav")).isDisplayed()).isTrue();
    page.assertAccessible(what + " at 390");
    page.driver.manage().window().setSize(LAPTOP);
  }
}
