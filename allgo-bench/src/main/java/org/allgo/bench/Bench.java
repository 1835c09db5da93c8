package org.allgo.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the job benchmark: raw docker-java, then allgo's REST API, at each concurrency, and writes
 * the Markdown report. Arguments: {@code <base url> <token> <webapp> <jobs> <results dir>
 * <concurrency>...}; the Docker host and the image come from {@code DOCKER_HOST} and
 * {@code BENCH_IMAGE}.
 */
public final class Bench {

  private Bench() {}

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

    List<Series> raw = new ArrayList<>();
    List<Series> allgo = new ArrayList<>();
    ThroughAllgo api = new ThroughAllgo(baseUrl, token, webapp);
    try (RawDocker docker = new RawDocker(host, image)) {
      docker.run(Math.min(jobs, 5), 1);
      api.run(Math.min(jobs, 5), 1);
      for (int concurrency : concurrencies) {
        raw.add(docker.run(jobs, concurrency));
        allgo.add(api.run(jobs, concurrency));
      }
    }
    Report report = new Report(System.getProperty("bench.machine", Runtime.getRuntime().availableProcessors() + " cores"));
    List<Series> all = new ArrayList<>(raw);
    all.addAll(allgo);
    report.jobs(all);
    report.ratios(raw, allgo);
    Path file = report.write(results);
    System.err.println(report.text());
    System.err.println("written to " + file);
  }
}
