package org.allgo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The results as a dated Markdown file under {@code bench/results/}. */
final class Report {

  private final List<String> lines = new ArrayList<>();

  Report(String machine) {
    lines.add("# allgo benchmark, " + LocalDate.now());
    lines.add("");
    lines.add("Machine: " + machine + ". Reproduce with `bin/allgo bench`.");
    lines.add("");
  }

  void jobs(List<Series> series, int rounds, int jobsPerRound) {
    jobs(
        "Trivial jobs (`true` in busybox)",
        String.format(
            Locale.ROOT,
            "%d rounds of %d jobs at each concurrency, raw docker-java and allgo in turn;"
                + " each allgo job is submitted to `POST /api/v2/jobs` and followed through its event stream until it ended."
                + " The server ran 500 jobs before, not measured: its Java compiler is busy for minutes after a start.",
            rounds,
            jobsPerRound),
        series);
  }

  /** A table of series under its own title, after a paragraph that says how they ran. */
  void jobs(String title, String how, List<Series> series) {
    lines.add("## " + title);
    lines.add("");
    lines.add(how);
    lines.add("");
    lines.add(
        "| series | jobs | concurrency | jobs/s | submit→start p50 / p95 (ms) | submit→done p50 / p95 (ms) |");
    lines.add("|---|---|---|---|---|---|");
    for (Series s : series) {
      lines.add(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %.2f | %d / %d | %d / %d |",
              s.name(),
              s.jobs(),
              s.concurrency(),
              s.jobsPerSecond(),
              s.toStart().percentile(50),
              s.toStart().percentile(95),
              s.latency().percentile(50),
              s.latency().percentile(95)));
    }
    lines.add("");
  }

  /** allgo against raw docker-java at the same concurrency. */
  void ratios(List<Series> raw, List<Series> allgo) {
    ratios(raw, allgo, "allgo ÷ raw");
  }

  /** A series against raw docker-java at the same concurrency, under its own title. */
  void ratios(List<Series> raw, List<Series> allgo, String title) {
    lines.add("## " + title);
    lines.add("");
    lines.add(
        "| concurrency | jobs/s ratio | added submit→start p50 / p95 (ms) | added submit→done p50 / p95 (ms) | submit→done p50 ratio |");
    lines.add("|---|---|---|---|---|");
    for (Series a : allgo) {
      raw.stream()
          .filter(r -> r.concurrency() == a.concurrency())
          .findFirst()
          .ifPresent(
              r ->
                  lines.add(
                      String.format(
                          Locale.ROOT,
                          "| %d | %.2f | %d / %d | %d / %d | %.2f |",
                          a.concurrency(),
                          a.jobsPerSecond() / r.jobsPerSecond(),
                          a.toStart().percentile(50) - r.toStart().percentile(50),
                          a.toStart().percentile(95) - r.toStart().percentile(95),
                          a.latency().percentile(50) - r.latency().percentile(50),
                          a.latency().percentile(95) - r.latency().percentile(95),
                          (double) a.latency().percentile(50) / r.latency().percentile(50))));
    }
    lines.add("");
  }

  /** Where the machine's CPU went, per job, in each series. */
  void cpu(List<Series> series) {
    lines.add("## CPU per job (ms), by process");
    lines.add("");
    lines.add(
        "Busy time of the whole machine while a series ran, divided by its jobs. \"other\" is the engine's"
            + " short-lived processes (containerd-shim, runc), the containers and the kernel.");
    lines.add("");
    lines.add("| series | concurrency | " + String.join(" | ", Cpu.PARTS) + " | total |");
    lines.add("|---|---|" + "---|".repeat(Cpu.PARTS.size() + 1));
    for (Series s : series) {
      StringBuilder row =
          new StringBuilder(String.format(Locale.ROOT, "| %s | %d |", s.name(), s.concurrency()));
      double total = 0;
      for (String part : Cpu.PARTS) {
        double ms = s.cpuPerJob().getOrDefault(part, 0.0);
        total += ms;
        row.append(String.format(Locale.ROOT, " %.0f |", ms));
      }
      lines.add(row.append(String.format(Locale.ROOT, " %.0f |", total)).toString());
    }
    lines.add("");
  }

  void section(String title, List<String> body) {
    lines.add("## " + title);
    lines.add("");
    lines.addAll(body);
    lines.add("");
  }

  Path write(Path directory) throws IOException {
    return write(directory, LocalDate.now() + ".md");
  }

  Path write(Path directory, String name) throws IOException {
    Files.createDirectories(directory);
    Path file = directory.resolve(name);
    Files.write(file, lines);
    return file;
  }

  String text() {
    return String.join("\n", lines);
  }
}
