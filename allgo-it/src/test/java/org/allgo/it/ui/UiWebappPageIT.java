package org.allgo.it.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.allgo.it.Server;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * A webapp's page leads with its job form: above the fold on a laptop's 1280 × 800, what the webapp
 * is beside it; first on a phone (390 wide), the description below, nothing wider than the screen.
 */
class UiWebappPageIT extends BrowserTest {

  UiWebappPageIT() {
    super(new Dimension(1280, 800));
  }

  @Test
  void theJobFormComesFirstAboveTheFoldAndOnAPhone() throws Exception {
    page.signedIn("devel@localhost", "allgo").open("/app?name=sleep");
    WebElement run = page.driver.findElement(By.id("job:submit"));
    int height = ((Number) page.driver.executeScript("return window.innerHeight;")).intValue();
    assertThat(run.getLocation().getY() + run.getSize().getHeight())
        .as("the bottom of Run, in a window %d high", height)
        .isLessThanOrEqualTo(height);
    WebElement form = page.driver.findElement(By.id("run-panel"));
    WebElement description = page.driver.findElement(By.id("description"));
    assertThat(description.getLocation().getX())
        .as("the description beside the form")
        .isGreaterThan(form.getLocation().getX() + form.getSize().getWidth() / 2);
    page.screenshot("webapp-1280");

    page.driver.manage().window().setSize(new Dimension(390, 844));
    page.open("/app?name=sleep");
    form = page.driver.findElement(By.id("run-panel"));
    description = page.driver.findElement(By.id("description"));
    assertThat(form.getLocation().getY()).isLessThan(description.getLocation().getY());
    assertThat(
            (Boolean)
                page.driver.executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth;"))
        .as("nothing wider than the phone's screen")
        .isTrue();
    page.screenshot("webapp-390");

    String icon = page.driver.findElement(By.cssSelector("link[rel=icon]")).getAttribute("href");
    assertThat(icon).endsWith("/favicon.svg");
    HttpResponse<String> svg = Server.get("/favicon.svg");
    assertThat(svg.statusCode()).isEqualTo(200);
    assertThat(svg.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
  }
}
