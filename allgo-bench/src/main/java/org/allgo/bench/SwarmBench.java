package org.allgo.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One side of the swarm series ({@code bin/allgo bench swarm}): trivial jobs through one server,
 * whose jobs run on its own engine or on the test swarm, after a warm-up round not measured; one
 * Markdown table row per concurrency appended to a file. Arguments: the side's label, the server's
 * URL, a token, the webapp, jobs per round, rounds, the file, then the concurrencies.
 */
final class SwarmBench {

  private SwarmBench() {}

  public static void main(String[] args) throws Exception {
    String label = args[0];
    ThroughAllgo api = new ThroughAllgo(args[1], args[2], args[3]);
    int jobs = Integer.parseInt(args[4]);
    int rounds = Integer.parseInt(args[5]);
    Path file = Path.of(args[6]);
    api.run(Math.max(10, jobs / 2), 4);
    StringBuilder rows = new StringBuilder();
    for (int i = 7; i < args.length; i++) {
      int concurrency = Integer.parseInt(args[i]);
      List<Series> measured = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        measured.add(api.run(jobs, concurrency));
      }
      Series series = Series.of(measured);
      rows.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %.2f | %d | %d | %d | %d |%n",
              label,
              concurrency,
              series.jobs(),
              series.jobsPerSecond(),
              series.latency().percentile(50),
              series.latency().percentile(95),
              series.toStart().percentile(50),
              series.toStart().percentile(95)));
    }
    Files.writeString(
        file, rows, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    System.err.print(rows);
  }
}
