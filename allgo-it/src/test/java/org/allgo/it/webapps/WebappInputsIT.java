package org.allgo.it.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.allgo.it.Api;
import org.allgo.it.jobs.Jobs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Typed inputs through the API: a Boutiques descriptor is the webapp's draft, a committed version
 * keeps it, the JSON Schema of the version that would run is public, jobs given {@code inputs} by
 * name are checked field by field and run with their rendered arguments (no shell: spaces and
 * quotes reach the program intact), and the v1-style parameter string still works on other webapps.
 */
public class WebappInputsIT extends NewWebappTest {

  /** Prints each argument on a line of its own between brackets, then each file named. */
  public static final String PROGRAM =
      "#!/bin/sh\nfor a in \"$@\"; do echo \"[$a]\"; done\n"
          + "for f in *.txt; do [ -f \"$f\" ] && echo \"file $f: $(cat \"$f\")\"; done\n";

  public static final String DESCRIPTOR =
      """
      {"name": "args", "tool-version": "1", "schema-version": "0.5",
       "command-line": "args [MODE] [VERBOSE] [LINES] [LABEL] [TAG] [DATA]",
       "inputs": [
        {"id": "lines", "name": "Lines", "type": "Number", "value-key": "[LINES]",
         "description": "How many lines", "command-line-flag": "-n", "default-value": 10,
         "integer": true, "minimum": 1, "maximum": 100},
        {"id": "mode", "name": "Mode", "type": "String", "value-key": "[MODE]",
         "value-choices": ["fast", "slow"], "default-value": "fast"},
        {"id": "verbose", "name": "Verbose", "type": "Flag", "value-key": "[VERBOSE]",
         "optional": true, "command-line-flag": "-v"},
        {"id": "label", "name": "Label", "type": "String", "value-key": "[LABEL]",
         "optional": true, "command-line-flag": "--label"},
        {"id": "tag", "name": "Tag", "type": "String", "value-key": "[TAG]",
         "optional": true, "command-line-flag": "--tag", "pattern": "[a-z]+"},
        {"id": "data", "name": "Data", "type": "File", "value-key": "[DATA]", "list": true}
       ]}
      """;

  @BeforeEach
  void startSandbox() {
    Api.Response started =
        devel.post("/api/v2/webapps/" + name + "/sandbox/start", "{\"baseImage\":\"busybox\"}");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    assertThat(Webapps.install(name, PROGRAM).exit()).isZero();
  }

  @Test
  void aDescribedVersionRunsJobsFromInputsByName() {
    Api.Response described = devel.put(inputs("/draft"), DESCRIPTOR);
    assertThat(described.status()).as(described.body()).isEqualTo(200);
    assertThat(devel.get(inputs("/draft")).json())
        .as("exported as it was imported")
        .isEqualTo(described.json());
    assertThat(json(DESCRIPTOR).getJsonArray("inputs"))
        .isEqualTo(described.json().getJsonArray("inputs"));
    assertThat(committed("1").getString("state")).isEqualTo("READY");

    JsonObject schema = Api.anonymous().get(inputs("")).json();
    assertThat(schema.getString("type")).isEqualTo("object");
    assertThat(schema.getJsonObject("properties").keySet())
        .containsExactlyInAnyOrder("lines", "mode", "verbose", "label", "tag", "data");
    assertThat(schema.getJsonObject("properties").getJsonObject("lines").getString("type"))
        .isEqualTo("integer");

    String first = Jobs.uploaded(devel, "one.txt", "first");
    String second = Jobs.uploaded(devel, "two.txt", "second");
    JsonObject job =
        run(
            Json.createObjectBuilder()
                .add("lines", 3)
                .add("mode", "slow")
                .add("verbose", true)
                .add("label", "it's \"quoted\" $(id) ; *")
                .add("data", Json.createArrayBuilder().add(first).add(second))
                .build());

    assertThat(job.getString("state")).isEqualTo("DONE");
    assertThat(job.getString("result")).as(job.toString()).isEqualTo("SUCCESS");
    assertThat(lines(log(job)))
        .containsSubsequence(
            "[slow]",
            "[-v]",
            "[-n]",
            "[3]",
            "[--label]",
            "[it's \"quoted\" $(id) ; *]",
            "[one.txt]",
            "[two.txt]",
            "file one.txt: first",
            "file two.txt: second");
    JsonObject recorded = devel.get("/api/v2/jobs/" + job.getJsonNumber("id")).json();
    assertThat(recorded.getJsonObject("inputs").getString("mode")).isEqualTo("slow");
    assertThat(recorded.getJsonObject("inputs").getJsonArray("data"))
        .as("files by their names in the job")
        .containsExactly(Json.createValue("one.txt"), Json.createValue("two.txt"));

    JsonObject again =
        devel.post("/api/v2/jobs/" + job.getJsonNumber("id") + "/rerun", "{}").json();
    assertThat(again.getJsonObject("inputs"))
        .as("a rerun keeps the inputs")
        .isEqualTo(recorded.getJsonObject("inputs"));
  }

  @Test
  void eachInvalidInputIsRefusedByNameAndNoJobIsMade() {
    assertThat(devel.put(inputs("/draft"), DESCRIPTOR).status()).isEqualTo(200);
    committed("1");
    int before = devel.get("/api/v2/jobs?webapp=" + name).array().size();

    Api.Response refused =
        devel.post(
            "/api/v2/jobs",
            Json.createObjectBuilder()
                .add("webapp", name)
                .add("notify", false)
                .add(
                    "inputs",
                    Json.createObjectBuilder()
                        .add("lines", 1000)
                        .add("mode", "sideways")
                        .add("verbose", "yes")
                        .add("unknown", 1)
                        .add("data", Json.createArrayBuilder().add("nothing.txt")))
                .build()
                .toString());

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.header("Content-Type").orElse("")).startsWith("application/problem+json");
    JsonObject problem = refused.json();
    assertThat(problem.getString("code")).isEqualTo("invalid-inputs");
    Map<String, String> fields =
        problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
            .collect(Collectors.toMap(e -> e.getString("field"), e -> e.getString("detail")));
    assertThat(fields)
        .containsOnlyKeys("lines", "mode", "verbose", "unknown", "data")
        .containsEntry("lines", "The value must be at most 100.")
        .containsEntry("data", "The job has no input file named nothing.txt.");
    assertThat(fields.get("mode")).contains("fast", "slow");
    assertThat(devel.get("/api/v2/jobs?webapp=" + name).array()).hasSize(before);

    Api.Response missing =
        devel.post(
            "/api/v2/jobs",
            "{\"webapp\":\""
                + name
                + "\",\"notify\":false,\"inputs\":{\"lines\":2.5,\"tag\":\"Not Lower\"}}");
    assertThat(missing.status()).as(missing.body()).isEqualTo(400);
    assertThat(
            missing.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(e -> e.getString("field"), e -> e.getString("detail"))))
        .containsOnlyKeys("lines", "tag", "data")
        .containsEntry("lines", "A whole number is expected.")
        .containsEntry("tag", "The value must match [a-z]+.")
        .containsEntry("data", "A value is required.");
    assertThat(devel.get("/api/v2/jobs?webapp=" + name).array()).hasSize(before);

    Api.Response both =
        devel.post(
            "/api/v2/jobs",
            "{\"webapp\":\"" + name + "\",\"param\":\"x\",\"inputs\":{\"lines\":2}}");
    assertThat(both.status()).isEqualTo(400);
    assertThat(both.json().getString("code")).isEqualTo("inputs-and-param");
  }

  @Test
  void aFreeStringWebappKeepsItsParametersAndRefusesInputs() {
    committed("1");
    assertThat(Api.anonymous().get(inputs("")).status()).isEqualTo(404);
    assertThat(devel.get(inputs("/draft")).json().getString("code"))
        .isEqualTo("inputs-not-described");
    Api.Response refused =
        devel.post("/api/v2/jobs", "{\"webapp\":\"" + name + "\",\"inputs\":{\"a\":1}}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().getString("code")).isEqualTo("inputs-not-described");
    assertThat(lines(Webapps.runJob(devel, name, "'two words' x").log()))
        .containsSubsequence("[two words]", "[x]");
  }

  @Test
  void theDraftIsTheOwnersAndABadDescriptorChangesNothing() {
    assertThat(devel.put(inputs("/draft"), DESCRIPTOR).status()).isEqualTo(200);
    Api.Response bad = devel.put(inputs("/draft"), "{\"name\":\"x\",\"inputs\":[]}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(devel.get(inputs("/draft")).json().getString("name")).isEqualTo("args");

    Api guest = Api.asDevelopmentUser("guest@localhost");
    assertThat(guest.put(inputs("/draft"), DESCRIPTOR).status()).isIn(403, 404);
    assertThat(guest.delete(inputs("/draft")).status()).isIn(403, 404);
    assertThat(devel.delete(inputs("/draft")).status()).isEqualTo(204);
    assertThat(devel.get(inputs("/draft")).status()).isEqualTo(404);
  }

  private String inputs(String rest) {
    return "/api/v2/webapps/" + name + "/inputs" + rest;
  }

  private JsonObject committed(String number) {
    JsonObject version = Webapps.awaitCommit(devel, name, Webapps.commit(devel, name, number));
    assertThat(version.getString("state")).as(version.toString()).isEqualTo("READY");
    return version;
  }

  private JsonObject run(JsonObject values) {
    Api.Response created =
        devel.post(
            "/api/v2/jobs",
            Json.createObjectBuilder()
                .add("webapp", name)
                .add("notify", false)
                .add("inputs", values)
                .build()
                .toString());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = created.json().getJsonNumber("id").longValue();
    return Jobs.awaitEnd(devel, id, Duration.ofSeconds(60));
  }

  private String log(JsonObject job) {
    return Jobs.file(devel, job.getJsonNumber("id").longValue(), "allgo.log");
  }

  private static List<String> lines(String text) {
    return text.lines().map(String::strip).toList();
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }
}
