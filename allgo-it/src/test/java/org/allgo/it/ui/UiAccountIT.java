package org.allgo.it.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.allgo.it.Server;
import org.allgo.it.accounts.Mailbox;
import org.allgo.it.accounts.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * A newcomer in the browser: sign up, confirm by mail, sign in, add an SSH key, run a first job on
 * {@code sleep} with a file, watch it end without reloading, download its output, follow the link
 * of the job's mail. And the account pages' details: errors told next to their field (ARIA), the
 * confirmation mail sent again, where sign-in leads (never off the site).
 */
class UiAccountIT extends BrowserTest {

  @Test
  void signUpConfirmSignInAddAnSshKeyAndRunAFirstJob(@TempDir Path keys, @TempDir Path inputs)
      throws Exception {
    String email = Users.newAddress("ui");
    page.open("/users/sign_up")
        .screenshot("sign-up")
        .fill("signup:name", "Ada Browser")
        .fill("signup:email", email)
        .fill("signup:password", Users.PASSWORD)
        .fill("signup:passwordAgain", Users.PASSWORD)
        .press("signup:submit");
    assertThat(page.messages()).contains("confirmation link is on its way to " + email);

    String link = Mailbox.await(email, Users.CONFIRMATION_SUBJECT, 1).link("/users/confirmation");
    page.open(link);
    assertThat(page.messages()).contains(email + " is confirmed");

    page.signIn(email, Users.PASSWORD);
    assertThat(page.path()).as("signed in from the sign-in page: the catalog").isEqualTo("/");
    page.open("/account");
    assertThat(page.text("account-summary")).isEqualTo(email + " · User · Active");
    // A mail for every job, even a 2-second one: a new account hears of jobs of 3 minutes or more.
    assertThat(
            new Select(page.driver.findElement(By.id("profile:notify-after")))
                .getFirstSelectedOption()
                .getText())
        .isEqualTo("3 minutes");
    new Select(page.driver.findElement(By.id("profile:notify-after"))).selectByValue("0");
    page.press("profile:submit");
    assertThat(page.messages()).contains("Your profile is saved.");

    String publicKey = generateKey(keys.resolve("id_ed25519"), "ui-test-key");
    page.fill("addkey:key", publicKey).press("addkey:submit");
    assertThat(page.messages()).contains("The SSH key is added.");
    assertThat(page.driver.findElement(By.id("sshkeys:keys")).getText())
        .contains("ssh-ed25519")
        .contains("ui-test-key");
    page.screenshot("account");

    page.open("/app?name=sleep");
    assertThat(page.driver.findElement(By.id("job:notify")).isSelected())
        .as("the account's choice: mail when a job ends")
        .isTrue();
    Path input = Files.writeString(inputs.resolve("numbers.txt"), "1 2 3\n");
    UiJobs.stage(page, input);
    page.screenshot("job-form");
    long id = UiJobs.run(page, "2", true);
    // A mark on this very page: it must survive until the end shows, so no reload happened.
    page.driver.executeScript("window.allgoNoReload = true;");
    page.screenshot("job-running");
    assertThat(UiJobs.awaitEnd(page, Duration.ofSeconds(90))).as(page.body()).isEqualTo("SUCCESS");
    assertThat(page.driver.findElements(By.id("job-submitted"))).as("the banner, gone").isEmpty();
    assertThat(page.driver.executeScript("return window.allgoNoReload === true;")).isEqualTo(true);
    assertThat(page.text("job-log")).contains("sleeping 2 seconds").contains("result:    SUCCESS");
    page.screenshot("job-done");

    page.driver.findElement(By.cssSelector("a.job-file[data-name='sleep-output.txt']")).click();
    assertThat(Files.readString(page.downloaded("sleep-output.txt")))
        .isEqualTo("slept 2 seconds\n");
    page.driver.findElement(By.id("zip")).click();
    try (ZipFile zip = new ZipFile(page.downloaded("job-" + id + ".zip").toFile())) {
      assertThat(zip.stream().map(ZipEntry::getName))
          .containsExactlyInAnyOrder("allgo.log", "numbers.txt", "sleep-output.txt");
      assertThat(
              new String(
                  zip.getInputStream(zip.getEntry("numbers.txt")).readAllBytes(),
                  StandardCharsets.UTF_8))
          .isEqualTo("1 2 3\n");
    }

    String jobLink = Mailbox.await(email, "allgo job " + id + " (", 1).link("/jobs/");
    assertThat(jobLink).isEqualTo(Server.BASE_URL + "/jobs/" + id);
    page.open(jobLink);
    assertThat(page.title()).isEqualTo("Job " + id);
    assertThat(page.state("job-result")).isEqualTo("SUCCESS");
    assertThat(page.text("job-result")).isEqualTo("Success");
  }

  @Test
  void signUpErrorsAreToldNextToTheirField() {
    page.open("/users/sign_up")
        .fill("signup:name", "Ada Browser")
        // Well-formed for the browser's own check of type=email, refused by allgo's rules.
        .fill("signup:email", "ada..browser@localhost")
        .fill("signup:password", Users.PASSWORD)
        .fill("signup:passwordAgain", Users.PASSWORD)
        .press("signup:submit");
    page.screenshot("sign-up-bad-address");

    assertThat(page.attribute("signup:email", "aria-invalid")).isEqualTo("true");
    assertThat(page.attribute("signup:email", "aria-describedby")).isEqualTo("signup:emailMessage");
    assertThat(page.text("signup:emailMessage")).contains("is not a valid e-mail address");
    assertValid("signup:name", "signup:password", "signup:passwordAgain");
    assertThat(page.messages()).as("told once, next to the field").isEmpty();

    page.fill("signup:email", Users.newAddress("ui-again"))
        .fill("signup:password", Users.PASSWORD)
        .fill("signup:passwordAgain", Users.PASSWORD + "x")
        .press("signup:submit");

    assertThat(page.attribute("signup:passwordAgain", "aria-invalid")).isEqualTo("true");
    assertThat(page.attribute("signup:passwordAgain", "aria-describedby"))
        .isEqualTo("signup:passwordAgainMessage");
    assertThat(page.text("signup:passwordAgainMessage")).isEqualTo("The two passwords differ.");
    assertValid("signup:name", "signup:email", "signup:password");
  }

  @Test
  void aWrongPasswordIsToldAboveTheFormAndMarksThePasswordField() {
    String email = Users.newAddress("ui-wrong");
    Users.signUpConfirmed(email);

    page.signIn(email, "Not-the-password-1");

    assertThat(page.path()).isEqualTo("/users/sign_in");
    assertThat(page.messages()).isEqualTo("Wrong e-mail address or password.");
    assertThat(page.attribute("signin:password", "aria-invalid")).isEqualTo("true");
    assertThat(page.attribute("signin:password", "aria-describedby")).isEqualTo("messages");
    assertValid("signin:email");
    page.screenshot("sign-in-wrong-password");

    page.fill("signin:email", email).press("signin:submit");

    assertThat(page.attribute("signin:password", "aria-invalid")).isEqualTo("true");
    assertThat(page.attribute("signin:password", "aria-describedby"))
        .isEqualTo("signin:passwordMessage");
    assertThat(page.text("signin:passwordMessage")).isEqualTo("Please give your password.");
  }

  @Test
  void theConfirmationMailIsSentAgainFromSignUpAndFromSignIn() {
    String email = Users.newAddress("ui-resend");
    page.open("/users/sign_up")
        .fill("signup:name", "Ada Browser")
        .fill("signup:email", email)
        .fill("signup:password", Users.PASSWORD)
        .fill("signup:passwordAgain", Users.PASSWORD)
        .press("signup:submit");
    String first = Mailbox.await(email, Users.CONFIRMATION_SUBJECT, 1).link("/users/confirmation");

    page.press("resend-link");
    assertThat(page.path()).isEqualTo("/users/confirmation/new");
    assertThat(page.driver.findElement(By.id("resend:email")).getDomProperty("value"))
        .isEqualTo(email);
    page.press("resend:submit");
    String answer = page.messages();
    assertThat(answer).contains("a new mail with a confirmation link is on its way");
    Mailbox.await(email, Users.CONFIRMATION_SUBJECT, 2);

    page.signIn(email, Users.PASSWORD);
    assertThat(page.messages()).contains("confirm your e-mail address first");
    page.screenshot("sign-in-unconfirmed");
    page.press("resend-link").press("resend:submit");
    String third = Mailbox.await(email, Users.CONFIRMATION_SUBJECT, 3).link("/users/confirmation");

    assertThat(page.open(first).messages()).as("replaced by the newer links").contains("used");
    assertThat(page.open(third).messages()).contains(email + " is confirmed");

    String nobody = Users.newAddress("ui-nobody");
    page.open("/users/confirmation/new").fill("resend:email", nobody).press("resend:submit");
    assertThat(page.messages().replace(nobody, email))
        .as("the same answer for an address without an account")
        .isEqualTo(answer);
  }

  @Test
  void signInFromAProtectedPageGoesBackToIt() {
    String email = Users.newAddress("ui-back");
    Users.signUpConfirmed(email);

    page.open("/jobs?state=DONE");
    assertThat(page.path()).isEqualTo("/users/sign_in");
    page.fill("signin:email", email).fill("signin:password", Users.PASSWORD).press("signin:submit");

    assertThat(page.path()).isEqualTo("/jobs");
    assertThat(page.url().getQuery()).isEqualTo("state=DONE");
    assertThat(page.driver.findElements(By.id("nav-account"))).isNotEmpty();
  }

  @Test
  void signInFromTheMenuGoesToTheCatalog() {
    String email = Users.newAddress("ui-menu");
    Users.signUpConfirmed(email);

    page.open("/app?name=sleep").press("nav-sign-in");
    assertThat(page.path()).isEqualTo("/users/sign_in");
    page.fill("signin:email", email).fill("signin:password", Users.PASSWORD).press("signin:submit");

    assertThat(page.path()).isEqualTo("/");
    assertThat(page.driver.findElements(By.id("nav-account"))).isNotEmpty();
  }

  @Test
  void signInNeverLeavesTheSite() {
    String email = Users.newAddress("ui-next");
    Users.signUpConfirmed(email);
    String host = URI.create(Server.BASE_URL).getHost();

    for (String next :
        List.of(
            "https%3A%2F%2Fevil.example%2F",
            "https://evil.example/",
            "%2F%2Fevil.example%2F",
            "%2F%5Cevil.example%2F",
            "%2F%09%2Fevil.example")) {
      page.open("/users/sign_in?next=" + next)
          .fill("signin:email", email)
          .fill("signin:password", Users.PASSWORD)
          .press("signin:submit");

      assertThat(page.url().getHost()).as(next).isEqualTo(host);
      assertThat(page.path()).as(next).isEqualTo("/");
      page.press("signout:submit");
    }
  }

  private void assertValid(String... ids) {
    for (String id : ids) {
      assertThat(page.attribute(id, "aria-invalid")).as(id).isNull();
      assertThat(page.attribute(id, "aria-describedby")).as(id).isNull();
    }
  }

  private static String generateKey(Path file, String comment) throws Exception {
    Process keygen =
        new ProcessBuilder(
                "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", file.toString())
            .redirectErrorStream(true)
            .start();
    keygen.getOutputStream().close();
    assertThat(keygen.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(keygen.exitValue()).as(new String(keygen.getInputStream().readAllBytes())).isZero();
    return Files.readString(Path.of(file + ".pub")).strip();
  }
}
