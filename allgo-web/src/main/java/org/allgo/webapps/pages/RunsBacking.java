package org.allgo.webapps.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.allgo.jobs.boundary.JobHistoryService;
import org.allgo.jobs.entity.JobResult;
import org.allgo.jobs.entity.JobView;
import org.allgo.pages.Charts;
import org.allgo.pages.Formats;
import org.allgo.platform.BusinessException;

/**
 * The jobs of a webapp on its management page: the durations and results of its last runs over
 * time, as a chart and in words.
 */
@Named
@RequestScoped
public class RunsBacking {

  static final int RUNS = 100;

  private static final Map<JobResult, String> COLORS =
      Map.of(
          JobResult.SUCCESS,
          "#3c9a5f",
          JobResult.ERROR,
          "#c9413c",
          JobResult.TIMEOUT,
          "#e59a1f",
          JobResult.ABORTED,
          "#8a8f96");

  @Inject JobHistoryService history;

  @Inject Formats formats;

  /** The last runs of a webapp, oldest first, and what they come to. */
  public record Runs(
      List<JobView> jobs, Map<JobResult, Long> results, double meanSuccessSeconds, String chart) {}

  private Runs runs;

  /** The runs of the webapp; none when the caller may not manage it. */
  public Runs of(String dockerName) {
    if (runs == null) {
      try {
        List<JobView> jobs = new ArrayList<>(history.runs(dockerName, RUNS));
        Collections.reverse(jobs);
        runs = summary(jobs);
      } catch (BusinessException e) {
        runs = summary(List.of());
      }
    }
    return runs;
  }

  private Runs summary(List<JobView> jobs) {
    Map<JobResult, Long> results = new EnumMap<>(JobResult.class);
    jobs.forEach(j -> results.merge(j.result(), 1L, Long::sum));
    double mean =
        jobs.stream()
            .filter(j -> j.result() == JobResult.SUCCESS)
            .mapToDouble(j -> j.durationSeconds() == null ? 0 : j.durationSeconds())
            .average()
            .orElse(0);
    return new Runs(jobs, results, mean, jobs.isEmpty() ? null : chart(jobs));
  }

  // One bar per job, coloured by its result: the series of the other results have no value there.
  private String chart(List<JobView> jobs) {
    List<String> labels = jobs.stream().map(j -> "#" + j.id()).toList();
    List<Charts.Series> series =
        COLORS.keySet().stream()
            .sorted()
            .filter(result -> jobs.stream().anyMatch(j -> j.result() == result))
            .map(
                result ->
                    new Charts.Series(
                        result.name().toLowerCase(),
                        COLORS.get(result),
                        jobs.stream()
                            .map(j -> j.result() == result ? j.durationSeconds() : null)
                            .toList()))
            .toList();
    return Charts.bar(labels, series, true, "jobs, oldest first", "seconds");
  }

  /** When the first and the last of the runs ended. */
  public String period(Runs runs) {
    return runs.jobs().isEmpty()
        ? ""
        : "from "
            + formats.when(runs.jobs().get(0).finishedAt())
            + " to "
            + formats.when(runs.jobs().get(runs.jobs().size() - 1).finishedAt());
  }

  /** The results in words: "3 success, 1 error". */
  public String results(Runs runs) {
    return runs.results().entrySet().stream()
        .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase())
        .reduce((a, b) -> a + ", " + b)
        .orElse("");
  }
}
