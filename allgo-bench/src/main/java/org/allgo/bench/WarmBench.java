package org.allgo.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The warm-start series ({@code bin/allgo bench warm}): trivial jobs by raw docker-java, through a
 * server that starts every job cold and through one with warm starts on, in alternating rounds at
 * each concurrency, in one run on the same machine; writes {@code bench/results/<date>-warm.md}.
 * Arguments: {@code <cold url> <cold token> <cold pid> <warm url> <warm token> <warm pid> <webapp>
 * <jobs> <rounds> <results dir> <concurrency>...}; the Docker host and image as for {@link Bench}.
 */
final class WarmBench {

  private WarmBench() {}

  public static void main(String[] args) throws Exception {
    ThroughAllgo cold = new ThroughAllgo(args[0], args[1], args[6], "allgo cold");
    Cpu coldCpu = new Cpu(Long.parseLong(args[2]));
    ThroughAllgo warm = new ThroughAllgo(args[3], args[4], args[6], "allgo warm");
    Cpu warmCpu = new Cpu(Long.parseLong(args[5]));
    int jobs = Integer.parseInt(args[7]);
    int rounds = Integer.parseInt(args[8]);
    Path results = Path.of(args[9]);
    List<Integer> concurrencies = new ArrayList<>();
    for (int i = 10; i < args.length; i++) {
      concurrencies.add(Integer.parseInt(args[i]));
    }
    String host = System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock");
    String image = System.getenv().getOrDefault("BENCH_IMAGE", "allgo/busybox:latest");
    int warmup = Integer.getInteger("bench.warmup", 200);
    // The paced series: one job a pace in all, on average (each of c clients waits c paces).
    Duration pace = Duration.ofMillis(Integer.getInteger("bench.pace", 1000));
    int pacedJobs = Math.max(4, jobs / 2);
    List<Series> raw = new ArrayList<>();
    List<Series> colds = new ArrayList<>();
    List<Series> warms = new ArrayList<>();
    List<Series> paced = new ArrayList<>();
    List<Series> rawPaced = new ArrayList<>();
    List<Series> warmPaced = new ArrayList<>();
    try (RawDocker docker = new RawDocker(host, image)) {
      docker.run(10, 1);
      cold.run(warmup, 4);
      warm.run(warmup, 4);
      for (int concurrency : concurrencies) {
        List<Series> r = new ArrayList<>();
        List<Series> c = new ArrayList<>();
        List<Series> w = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
          r.add(measured(coldCpu, () -> docker.run(jobs, concurrency)));
          c.add(measured(coldCpu, () -> cold.run(jobs, concurrency)));
          w.add(measured(warmCpu, () -> warm.run(jobs, concurrency)));
        }
        raw.add(Series.of(r));
        colds.add(Series.of(c));
        warms.add(Series.of(w));
      }
      for (int concurrency : concurrencies) {
        Duration think = pace.multipliedBy(concurrency);
        List<Series> r = new ArrayList<>();
        List<Series> c = new ArrayList<>();
        List<Series> w = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
          r.add(measured(coldCpu, () -> docker.paced(pacedJobs, concurrency, think)));
          c.add(measured(coldCpu, () -> cold.paced(pacedJobs, concurrency, think)));
          w.add(measured(warmCpu, () -> warm.paced(pacedJobs, concurrency, think)));
        }
        rawPaced.add(Series.of(r));
        paced.add(rawPaced.get(rawPaced.size() - 1));
        paced.add(Series.of(c));
        warmPaced.add(Series.of(w));
        paced.add(warmPaced.get(warmPaced.size() - 1));
      }
    }
    Report report =
        new Report(
            System.getProperty(
                "bench.machine", Runtime.getRuntime().availableProcessors() + " cores"));
    List<Series> all = new ArrayList<>(raw);
    all.addAll(colds);
    all.addAll(warms);
    report.jobs(all, rounds, jobs);
    report.section(
        "Warm starts",
        List.of(
            "Two servers on the same engine and MariaDB: `bench` starts every job cold,"
                + " `benchwarm` has `ALLGO_WARM_ENABLED=true`; each ran "
                + warmup
                + " jobs before, not measured. Rounds go raw, cold, warm in turn."));
    report.ratios(raw, colds, "allgo cold ÷ raw");
    report.ratios(raw, warms, "allgo warm ÷ raw");
    report.jobs(
        "Trivial jobs, paced",
        String.format(
            Locale.ROOT,
            "The same three sides, %d rounds of %d jobs, each client waiting its concurrency times"
                + " %d ms after each of its jobs before the next (a user reading the result): one job"
                + " every %d ms in all, on average, which leaves the engine time between jobs. The"
                + " clients start together and their jobs take about as long, so at concurrency 4"
                + " the jobs come four at once, every four paces: a burst the engine and the pool"
                + " serve together. The series"
                + " above come back to back, as many as the engine takes: there a warm job waits for"
                + " the refill of the container the job before it took, as soon as the engine makes"
                + " containers more slowly than the jobs come. jobs/s here counts the waits.",
            rounds,
            pacedJobs,
            pace.toMillis(),
            pace.toMillis()),
        paced);
    report.ratios(rawPaced, warmPaced, "allgo warm ÷ raw, paced");
    report.cpu(all);
    Path file = report.write(results, LocalDate.now() + "-warm.md");
    System.err.println(report.text());
    System.err.println("written to " + file);
  }

  private static Series measured(Cpu cpu, Bench.Run run) throws Exception {
    Map<String, Double> before = cpu.sample();
    Series series = run.run();
    return series.withCpu(Cpu.perJob(before, cpu.sample(), series.jobs()));
  }
}
