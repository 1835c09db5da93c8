package org.allgo.pages;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartsTest {

  @Test
  void barChartIsJsonWithOneValueOrNullPerLabel() {
    String chart =
        Charts.bar(
            List.of("#1", "#2"),
            List.of(
                new Charts.Series("success", "#3c9a5f", Arrays.asList(1.25, null)),
                new Charts.Series("error", "#c9413c", Arrays.asList(null, 30.0))),
            true,
            "jobs",
            "seconds");

    JsonObject config = Json.createReader(new StringReader(chart)).readObject();
    assertThat(config.getString("type")).isEqualTo("bar");
    assertThat(config.getJsonObject("data").getJsonArray("labels").getString(1)).isEqualTo("#2");
    var datasets = config.getJsonObject("data").getJsonArray("datasets");
    assertThat(datasets.getJsonObject(0).getJsonArray("data").toString()).isEqualTo("[1.3,null]");
    assertThat(datasets.getJsonObject(1).getJsonArray("data").toString()).isEqualTo("[null,30.0]");
    assertThat(
            config
                .getJsonObject("options")
                .getJsonObject("scales")
                .getJsonObject("y")
                .getBoolean("stacked"))
        .isTrue();
  }

  @Test
  void textCannotCloseTheScriptItLandsIn() {
    String chart = Charts.bar(List.of("</script><b>\"x\"&"), List.of(), false, null, "MiB");

    assertThat(chart).doesNotContain("<").doesNotContain(">").doesNotContain("&");
    JsonObject config = Json.createReader(new StringReader(chart)).readObject();
    assertThat(config.getJsonObject("data").getJsonArray("labels").getString(0))
        .isEqualTo("</script><b>\"x\"&");
  }
}
