package org.allgo.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One measured series: how many jobs at what concurrency, how long in all, their latencies, and the
 * machine's CPU milliseconds per job by part ({@link Cpu}; empty when not measured).
 */
record Series(
    String name,
    int jobs,
    int concurrency,
    Duration wall,
    Latencies latency,
    Latencies toStart,
    Map<String, Double> cpuPerJob) {

  double jobsPerSecond() {
    return jobs / (wall.toNanos() / 1e9);
  }

  Series withCpu(Map<String, Double> cpu) {
    return new Series(name, jobs, concurrency, wall, latency, toStart, cpu);
  }

  /** Rounds of the same series as one: their jobs, times, latencies and CPU per job together. */
  static Series of(List<Series> rounds) {
    Series first = rounds.get(0);
    int jobs = rounds.stream().mapToInt(Series::jobs).sum();
    Duration wall = rounds.stream().map(Series::wall).reduce(Duration.ZERO, Duration::plus);
    Map<String, Double> cpu = new LinkedHashMap<>();
    for (Series round : rounds) {
      round
          .cpuPerJob()
          .forEach((part, ms) -> cpu.merge(part, ms * round.jobs() / jobs, Double::sum));
    }
    return new Series(
        first.name(),
        jobs,
        first.concurrency(),
        wall,
        Latencies.of(rounds.stream().map(Series::latency).toList()),
        Latencies.of(rounds.stream().map(Series::toStart).toList()),
        cpu);
  }
}
