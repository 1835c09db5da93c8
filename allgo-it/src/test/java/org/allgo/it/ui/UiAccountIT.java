package org.allgo.it.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * of the job's mail.
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
    assertThat(page.path()).isEqualTo("/account");
    assertThat(page.text("account-summary")).isEqualTo(email + " · User · Active");
    // A mail for every job, even a 2-second one: a new account hears of jobs of 3 minutes or more.
    page.open("/account");
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
