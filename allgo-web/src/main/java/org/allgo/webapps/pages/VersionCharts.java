package org.allgo.webapps.pages;

import java.util.List;
import org.allgo.batch.entity.ExecutionView;
import org.allgo.pages.Charts;
import org.allgo.webapps.entity.VersionState;
import org.allgo.webapps.entity.VersionView;

/** What the manage page draws of a webapp's versions: their sizes, a commit's progress. */
final class VersionCharts {

  // The commit job's steps: commit, check, push, publish.
  private static final int COMMIT_STEPS = 4;

  private VersionCharts() {}

  /** Ready versions' sizes by creation date, as a Chart.js configuration; null when none. */
  static String sizes(List<VersionView> versions) {
    List<VersionView> sized =
        versions.stream()
            .filter(v -> v.state() == VersionState.READY && v.sizeBytes() != null)
            .sorted((a, b) -> a.createdAt().compareTo(b.createdAt()))
            .toList();
    if (sized.isEmpty()) {
      return null;
    }
    return Charts.bar(
        sized.stream()
            .map(v -> v.number() + " (" + v.createdAt().toString().substring(0, 10) + ")")
            .toList(),
        List.of(
            new Charts.Series(
                "Image size (MiB)",
                "#24425f",
                sized.stream().map(v -> v.sizeBytes() / 1048576.0).toList())),
        false,
        null,
        "MiB");
  }

  /** Steps done of a commit job, as a percentage; 0 when its execution is not known. */
  static int progress(ExecutionView execution) {
    if (execution == null) {
      return 0;
    }
    long done = execution.steps().stream().filter(s -> s.status().equals("COMPLETED")).count();
    return (int) (done * 100 / COMMIT_STEPS);
  }
}
