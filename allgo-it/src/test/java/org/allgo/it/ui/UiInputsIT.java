package org.allgo.it.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.allgo.connector.testing.Commands;
import org.allgo.connector.testing.DockerCli;
import org.allgo.it.Api;
import org.allgo.it.Server;
import org.allgo.it.webapps.WebappInputsIT;
import org.allgo.it.webapps.Webapps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A webapp that describes its inputs, run from the form its page draws from that description: a
 * number with its bounds, a choice, a flag, a text and two files; the browser refuses a value out
 * of bounds before anything is sent, and the job runs with one argument per value.
 */
class UiInputsIT extends BrowserTest {

  private static final String AUTHOR = "devel@localhost";

  private final Api devel = Api.asDevelopmentUser(AUTHOR);
  private final String name = Webapps.uniqueDockerName();

  UiInputsIT() {
    super(new Dimension(1280, 1600));
  }

  @BeforeEach
  void describedWebapp() {
    assertThat(Webapps.create(devel, name).status()).isEqualTo(201);
    Api.Response started =
        devel.post("/api/v2/webapps/" + name + "/sandbox/start", "{\"baseImage\":\"busybox\"}");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    Commands.Result install = Webapps.install(name, WebappInputsIT.PROGRAM);
    assertThat(install.exit()).as(install.output()).isZero();
    assertThat(
            devel
                .put("/api/v2/webapps/" + name + "/inputs/draft", WebappInputsIT.DESCRIPTOR)
                .status())
        .isEqualTo(200);
    assertThat(devel.post("/api/v2/webapps/" + name + "/versions", "{\"number\":\"1\"}").status())
        .isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> devel.get("/api/v2/webapps/" + name).json().containsKey("defaultVersion"));
  }

  @AfterEach
  void cleanUp() {
    devel.delete("/api/v2/webapps/" + name);
    DockerCli.run("rm", "-f", Server.ENVIRONMENT + "-user-" + name);
  }

  @Test
  void theFormComesFromTheDescriptionAndTheJobGetsOneArgumentPerValue(@TempDir Path dir)
      throws Exception {
    page.signedIn(AUTHOR, "allgo").open("/app?name=" + name);
    assertThat(page.driver.findElements(By.id("job:param"))).as("no free string").isEmpty();
    WebElement lines = input("lines");
    assertThat(lines.getDomAttribute("type")).isEqualTo("number");
    assertThat(lines.getDomAttribute("min")).isEqualTo("1");
    assertThat(lines.getDomAttribute("max")).isEqualTo("100");
    assertThat(lines.getDomAttribute("step")).isEqualTo("1");
    assertThat(lines.getDomProperty("value")).as("its default").isEqualTo("10");
    assertThat(
            new Select(input("mode"))
                .getOptions().stream()
                    .map(WebElement::getText)
                    .filter(t -> !t.equals("—"))
                    .toList())
        .containsExactly("fast", "slow");
    assertThat(input("verbose").getDomAttribute("type")).isEqualTo("checkbox");
    assertThat(page.text("help-lines")).isEqualTo("How many lines");

    // Out of its bounds: the browser says so and nothing is sent.
    lines.clear();
    lines.sendKeys("1000");
    page.driver.findElement(By.id("job:submit")).click();
    assertThat(page.path()).isEqualTo("/app");
    assertThat(page.driver.executeScript("return arguments[0].validity.rangeOverflow;", lines))
        .isEqualTo(true);
    assertThat(devel.get("/api/v2/jobs?webapp=" + name).array()).isEmpty();

    Path one = Files.writeString(dir.resolve("one.txt"), "first");
    Path two = Files.writeString(dir.resolve("two.txt"), "second");
    UiJobs.stage(page, one, two);
    lines = input("lines");
    lines.clear();
    lines.sendKeys("3");
    new Select(input("mode")).selectByValue("slow");
    input("verbose").click();
    input("label").sendKeys("two words 'quoted'");
    for (WebElement box :
        page.driver.findElements(By.cssSelector("[data-input='data'] input[type=checkbox]"))) {
      box.click();
    }
    page.screenshot("job-form-inputs");
    page.press("job:submit");

    assertThat(page.path()).as(page.body()).matches("/jobs/\\d+");
    assertThat(UiJobs.awaitEnd(page, Duration.ofSeconds(60))).isEqualTo("SUCCESS");
    page.open(page.url().toString());
    assertThat(
            page.driver.findElements(By.cssSelector("#job-inputs code")).stream()
                .map(e -> e.getDomAttribute("data-input") + "=" + e.getText())
                .toList())
        .contains("lines=3", "mode=slow", "verbose=true", "label=two words 'quoted'");
    long id = Long.parseLong(page.path().substring("/jobs/".length()));
    String log = new String(devel.fetch("/datastore/" + id + "/allgo.log").body());
    assertThat(log.lines().map(String::strip).toList())
        .containsSubsequence(
            "[slow]",
            "[-v]",
            "[-n]",
            "[3]",
            "[--label]",
            "[two words 'quoted']",
            "[one.txt]",
            "[two.txt]",
            "file one.txt: first",
            "file two.txt: second");
  }

  @Test
  void theAuthorDescribesTheInputsOnTheManagePage() {
    assertThat(devel.delete("/api/v2/webapps/" + name + "/inputs/draft").status()).isEqualTo(204);
    page.signedIn(AUTHOR, "allgo").open("/webapps/manage?name=" + name);
    assertThat(page.driver.findElement(By.id("inputs:descriptor")).getDomProperty("value"))
        .isEmpty();

    page.fill("inputs:descriptor", "{\"name\": \"args\", \"inputs\": [").press("inputs:save");
    assertThat(page.messages()).contains("not a JSON object");
    page.fill("inputs:descriptor", "{\"name\": \"args\", \"inputs\": []}").press("inputs:save");
    assertThat(page.messages()).contains("command-line");
    assertThat(devel.get("/api/v2/webapps/" + name + "/inputs/draft").status())
        .as("a refused descriptor changes nothing")
        .isEqualTo(404);

    page.fill("inputs:descriptor", WebappInputsIT.DESCRIPTOR).press("inputs:save");
    assertThat(page.messages()).contains("the next version you commit takes them");
    assertThat(devel.get("/api/v2/webapps/" + name + "/inputs/draft").json().getString("name"))
        .isEqualTo("args");
    assertThat(page.driver.findElement(By.id("inputs:descriptor")).getDomProperty("value"))
        .contains("\"command-line\"");

    page.press("inputs:clear");
    assertThat(page.messages()).contains("takes a free string");
    assertThat(devel.get("/api/v2/webapps/" + name + "/inputs/draft").status()).isEqualTo(404);
  }

  /** The control of an input of the generated form. */
  private WebElement input(String id) {
    List<WebElement> found =
        page.driver.findElements(By.cssSelector("#job [data-input='" + id + "']"));
    return found.stream()
        .filter(e -> List.of("input", "select").contains(e.getTagName()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no control for input " + id + ": " + page.body()));
  }
}
