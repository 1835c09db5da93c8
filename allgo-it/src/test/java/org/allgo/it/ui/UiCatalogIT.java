package org.allgo.it.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/**
 * A visitor browses the catalog: the seeded {@code sleep} webapp, search, its page, on a phone too.
 */
class UiCatalogIT extends BrowserTest {

  @Test
  void catalogShowsSleepAndSearchFindsIt() {
    page.open("/");
    assertThat(page.title()).isEqualTo("Catalog");
    assertThat(page.driver.findElements(By.cssSelector("#catalog li[data-name='sleep']")))
        .hasSize(1);
    page.screenshot("catalog");

    page.fill("q", "sleep");
    page.driver.findElement(By.id("q")).sendKeys(Keys.ENTER);
    page.waitFor(java.time.Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().contains("q=sleep"));
    assertThat(page.driver.findElements(By.cssSelector("#catalog li[data-name='sleep']")))
        .hasSize(1);
    assertThat(page.text("catalog-count")).contains("matching “sleep”");

    page.open("/?q=no-such-program-at-all");
    assertThat(page.driver.findElements(By.cssSelector("#catalog li"))).isEmpty();
    assertThat(page.text("catalog-empty")).contains("No webapp matches");
  }

  @Test
  void catalogPutsTheMostUsedFirst() {
    page.open("/");
    new Select(page.driver.findElement(By.id("sort"))).selectByValue("popular");
    page.press("search-submit");
    assertThat(page.driver.getCurrentUrl()).contains("sort=popular");
    assertThat(
            new Select(page.driver.findElement(By.id("sort"))).getFirstSelectedOption().getText())
        .isEqualTo("Most used first");
    List<Long> counts =
        page.driver.findElements(By.cssSelector("#catalog .job-count")).stream()
            .map(e -> Long.parseLong(e.getAttribute("data-jobs")))
            .toList();
    assertThat(counts).isNotEmpty().isSortedAccordingTo(Comparator.reverseOrder());
  }

  @Test
  void visitorSeesTheJobFormAndIsAskedToSignIn() {
    page.open("/app?name=sleep");
    assertThat(page.text("sign-in-to-run")).contains("Sign in to run");
    assertThat(page.driver.findElement(By.id("job:submit")).isEnabled()).isFalse();
    assertThat(page.driver.findElement(By.id("job:param")).isEnabled()).isFalse();
    page.driver.findElement(By.id("sign-in-to-run-link")).click();
    page.waitFor(java.time.Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().contains("/users/sign_in"));
    page.fill("signin:email", "guest@localhost")
        .fill("signin:password", "allgo")
        .press("signin:submit");
    assertThat(page.path()).isEqualTo("/app");
    assertThat(page.driver.findElement(By.id("job:submit")).isEnabled()).isTrue();
    assertThat(page.driver.findElement(By.id("mean-duration")).getText()).isNotBlank();
  }

  @Test
  void webappPageShowsTheDescriptionAndTheReadyVersion() {
    page.open("/");
    page.driver.findElement(By.cssSelector("#catalog li[data-name='sleep'] a")).click();
    page.waitFor(java.time.Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().contains("/app?name=sleep"));
    assertThat(page.text("docker-name")).isEqualTo("sleep");
    assertThat(page.driver.findElement(By.id("versions")).getText()).contains("(default)");
    assertThat(page.driver.findElements(By.id("manage"))).as("visitors may not manage").isEmpty();
    page.screenshot("webapp-page");
  }

  @Test
  void unknownWebappIsNotFound() {
    page.open("/app?name=no-such-webapp");
    assertThat(page.title()).isEqualTo("Not found");
  }

  @Test
  void catalogFitsAPhone() {
    try (Chromium phone = Chromium.start(new Dimension(390, 844))) {
      UiPage small = new UiPage(phone).open("/");
      Object overflow =
          phone.driver.executeScript(
              "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
      assertThat(overflow).isEqualTo(false);
      // The navigation folds behind "Menu" and opens with it.
      assertThat(phone.driver.findElement(By.id("nav-sign-in")).isDisplayed()).isFalse();
      phone.driver.findElement(By.id("menu-toggle")).click();
      assertThat(phone.driver.findElement(By.id("nav-sign-in")).isDisplayed()).isTrue();
      assertThat(phone.driver.findElement(By.id("menu-toggle")).getAttribute("aria-expanded"))
          .isEqualTo("true");
      small.screenshot("catalog-phone");
    }
  }
}
