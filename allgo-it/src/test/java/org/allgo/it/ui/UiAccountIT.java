package org.allgo.it.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.allgo.it.accounts.Mailbox;
import org.allgo.it.accounts.Users;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** A newcomer in the browser: sign up, confirm by mail, sign in, add an SSH key. */
class UiAccountIT {

  private Chromium browser;
  private UiPage page;

  @BeforeEach
  void startBrowser() {
    browser = Chromium.start();
    page = new UiPage(browser);
  }

  @AfterEach
  void stopBrowser() {
    browser.close();
  }

  @Test
  void signUpConfirmSignInAndAddAnSshKey(@TempDir Path keys) throws Exception {
    String email = Users.newAddress("ui");
    page.open("/users/sign_up").screenshot("sign-up")
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
    assertThat(page.text("account-summary")).contains(email).contains("ACTIVE");

    String publicKey = generateKey(keys.resolve("id_ed25519"), "ui-test-key");
    page.fill("addkey:key", publicKey).press("addkey:submit");
    assertThat(page.messages()).contains("The SSH key is added.");
    assertThat(page.driver.findElement(By.id("sshkeys:keys")).getText())
        .contains("ssh-ed25519").contains("ui-test-key");
    page.screenshot("account");
  }

  private static String generateKey(Path file, String comment) throws Exception {
    Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", comment,
        "-f", file.toString()).redirectErrorStream(true).start();
    keygen.getOutputStream().close();
    assertThat(keygen.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(keygen.exitValue()).as(new String(keygen.getInputStream().readAllBytes())).isZero();
    return Files.readString(Path.of(file + ".pub")).strip();
  }
}
