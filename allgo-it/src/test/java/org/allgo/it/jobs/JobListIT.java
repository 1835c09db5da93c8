package org.allgo.it.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.allgo.it.Api;
import org.junit.jupiter.api.Test;

/** The job list: filters on state, webapp and creation time, pages linked by a Link header. */
class JobListIT extends ToolJobTest {

  private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

  private static List<JsonObject> jobs(Api.Response page) {
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    return page.array().getValuesAs(JsonObject.class);
  }

  private static List<Long> ids(List<JsonObject> jobs) {
    return jobs.stream().map(j -> j.getJsonNumber("id").longValue()).toList();
  }

  private static Optional<String> next(Api.Response page) {
    return page.header("Link")
        .map(NEXT::matcher)
        .filter(Matcher::find)
        .map(
            link -> {
              URI uri = URI.create(link.group(1));
              return uri.getRawPath() + "?" + uri.getRawQuery();
            });
  }

  private static Instant createdAt(JsonObject job) {
    return Instant.parse(job.getString("createdAt"));
  }

  // Creation times as the server keeps them (to the millisecond), not as the submission answered
  // them.
  private String created(long id) {
    return Jobs.get(devel, id).getString("createdAt");
  }

  @Test
  void pagesFollowOneAnotherThroughTheLinkHeader() {
    long first = Jobs.run(devel, tool, "exit 0", null);
    long second = Jobs.run(devel, tool, "exit 0", null);
    long third = Jobs.run(devel, tool, "exit 0", null);
    String since = created(first);

    List<JsonObject> all = new ArrayList<>();
    Optional<String> page =
        Optional.of("/api/v2/jobs?webapp=" + tool + "&since=" + since + "&limit=2");
    int pages = 0;
    while (page.isPresent() && pages++ < 100) {
      Api.Response answer = devel.get(page.get());
      List<JsonObject> jobs = jobs(answer);
      assertThat(jobs).hasSizeLessThanOrEqualTo(2);
      if (jobs.size() < 2) {
        assertThat(answer.header("Link")).isEmpty();
      }
      all.addAll(jobs);
      page = next(answer);
      page.ifPresent(
          link ->
              assertThat(link)
                  .contains("before=" + ids(jobs).get(1))
                  .contains("limit=2")
                  .contains("webapp=" + tool));
    }

    assertThat(pages).isGreaterThanOrEqualTo(2);
    List<Long> ids = ids(all);
    assertThat(ids)
        .containsSubsequence(third, second, first)
        .doesNotHaveDuplicates()
        .isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(all)
        .allSatisfy(j -> assertThat(createdAt(j)).isAfterOrEqualTo(Instant.parse(since)));
  }

  @Test
  void creationTimesBoundTheList() {
    long first = Jobs.run(devel, tool, "exit 0", null);
    long third = Jobs.run(devel, tool, "exit 0", null);
    Instant since = Instant.parse(created(first));
    Instant until = Instant.parse(created(third));

    List<JsonObject> after = jobs(devel.get("/api/v2/jobs?since=" + since));
    List<JsonObject> before = jobs(devel.get("/api/v2/jobs?until=" + until + "&limit=500"));

    assertThat(ids(after)).contains(third, first);
    assertThat(after).allSatisfy(j -> assertThat(createdAt(j)).isAfterOrEqualTo(since));
    assertThat(ids(before)).doesNotContain(third);
    assertThat(before).isNotEmpty().allSatisfy(j -> assertThat(createdAt(j)).isBefore(until));
    assertThat(jobs(devel.get("/api/v2/jobs?since=" + until + "&until=" + until))).isEmpty();
  }

  @Test
  void filtersCombine() {
    long done = Jobs.run(devel, tool, "exit 0", null);
    Jobs.awaitEnd(devel, done, Duration.ofSeconds(30));
    String since = created(done);

    List<JsonObject> found =
        jobs(devel.get("/api/v2/jobs?state=done&webapp=" + tool + "&since=" + since));

    assertThat(ids(found)).contains(done);
    assertThat(found)
        .allSatisfy(
            j -> {
              assertThat(j.getString("state")).isEqualTo("DONE");
              assertThat(j.getString("webapp")).isEqualTo(tool);
            });
    assertThat(
            ids(jobs(devel.get("/api/v2/jobs?state=waiting&webapp=" + tool + "&since=" + since))))
        .doesNotContain(done);
    assertThat(ids(jobs(devel.get("/api/v2/jobs?webapp=sleep&since=" + since))))
        .doesNotContain(done);
  }

  @Test
  void badFiltersAreRefused() {
    Api.Response time = devel.get("/api/v2/jobs?since=yesterday");
    Api.Response state = devel.get("/api/v2/jobs?state=sleeping");

    assertThat(time.status()).isEqualTo(400);
    assertThat(time.json().getString("code")).isEqualTo("invalid-time");
    assertThat(state.status()).isEqualTo(400);
    assertThat(state.json().getString("code")).isEqualTo("invalid-state");
    assertThat(Api.anonymous().get("/api/v2/jobs").status()).isEqualTo(401);
  }
}
