package org.allgo.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the job benchmark: raw docker-java and allgo's REST API in alternating rounds at each
 * concurrency ({@code bench.rounds}, 3 by default), and writes the Markdown report. Arguments:
 * {@code <base url> <token> <webapp> <jobs> <results dir> <concurrency>...}; the Docker host and
 * the image come from {@code DOCKER_HOST} and {@code BENCH_IMAGE}.
 */
public final class Bench {

  private Bench() {}

  interface Run {
    Series run() throws Exception;
  }

  /**
   * Runs the command of a system property, if set: the script starts and stops a flight recording
   * of the server around a round of its own.
   */
  private static void recording(String property) throws IOException, InterruptedException {
    String command = System.getProperty(property);
    if (command != null) {
      new ProcessBuilder(command.split(" "))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor();
    }
  }

  /** The series with the machine's CPU time per job spent while it ran. */
  private static Series measured(Cpu cpu, Run run) throws Exception {
    Map<String, Double> before = cpu.sample();
    Series series = run.run();
    return series.withCpu(Cpu.perJob(before, cpu.sample(), series.jobs()));
  }

  public static void main(String[] args) throws Exception {
    String baseUrl = args[0];
    String token = args[1];
    String webapp = args[2];
    int jobs = Integer.parseInt(args[3]);
    Path results = Path.of(args[4]);
    List<Integer> concurrencies = new ArrayList<>();
    for (int i = 5; i < args.length; i++) {
      concurrencies.add(Integer.parseInt(args[i]));
    }
    String host = System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock");
    String image = System.getenv().getOrDefault("BENCH_IMAGE", "allgo/busybox:latest");
    Cpu cpu = new Cpu(Long.getLong("bench.server.pid", -1));
    // Rounds alternate raw and allgo, so that the machine's ups and downs fall on both sides.
    int rounds = Integer.getInteger("bench.rounds", 3);

    List<Series> raw = new ArrayList<>();
    List<Series> allgo = new ArrayList<>();
    ThroughAllgo api = new ThroughAllgo(baseUrl, token, webapp);
    try (RawDocker docker = new RawDocker(host, image)) {
      // Warm-up, not measured: the engine, and the server's compiler, busy for minutes after a
      // start (a server runs jobs for days).
      int warmup = Integer.getInteger("bench.warmup", 400);
      docker.run(Math.min(jobs, 10), 1);
      api.run(warmup, 4);
      api.run(warmup / 4, 1);
      for (int concurrency : concurrencies) {
        List<Series> rawRounds = new ArrayList<>();
        List<Series> allgoRounds = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
          rawRounds.add(measured(cpu, () -> docker.run(jobs, concurrency)));
          allgoRounds.add(measured(cpu, () -> api.run(jobs, concurrency)));
        }
        raw.add(Series.of(rawRounds));
        allgo.add(Series.of(allgoRounds));
      }
      // One more allgo round, not measured, under the flight recorder: where the server's time
      // goes.
      recording("bench.recording.start");
      api.run(jobs, concurrencies.get(concurrencies.size() - 1));
      recording("bench.recording.stop");
    }
    Report report =
        new Report(
            System.getProperty(
                "bench.machine", Runtime.getRuntime().availableProcessors() + " cores"));
    List<Series> all = new ArrayList<>(raw);
    all.addAll(allgo);
    report.jobs(all, rounds, jobs);
    report.ratios(raw, allgo);
    report.cpu(all);
    Path file = report.write(results);
    System.err.println(report.text());
    System.err.println("written to " + file);
  }
}
