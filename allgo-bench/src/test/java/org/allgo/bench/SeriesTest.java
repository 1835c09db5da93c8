package org.allgo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesTest {

  @Test
  void roundsMergeIntoOneSeries() {
    Series first = round(50, 10, Map.of("app server", 20.0, "other", 100.0), 100, 200);
    Series second = round(50, 5, Map.of("app server", 40.0, "other", 100.0), 300, 400);

    Series both = Series.of(List.of(first, second));

    assertThat(both.jobs()).isEqualTo(100);
    assertThat(both.wall()).isEqualTo(Duration.ofSeconds(15));
    assertThat(both.jobsPerSecond()).isCloseTo(100 / 15.0, within(1e-9));
    assertThat(both.latency().count()).isEqualTo(4);
    assertThat(both.latency().percentile(100)).isEqualTo(400);
    assertThat(both.cpuPerJob()).containsEntry("app server", 30.0).containsEntry("other", 100.0);
  }

  @Test
  void cpuPerJobIsTheDifferenceOverTheJobs() {
    Map<String, Double> before = new LinkedHashMap<>();
    Map<String, Double> after = new LinkedHashMap<>();
    for (String part : Cpu.PARTS) {
      before.put(part, 1000.0);
      after.put(part, 1500.0);
    }
    after.put("app server", 3000.0);

    Map<String, Double> perJob = Cpu.perJob(before, after, 50);

    assertThat(perJob)
        .containsOnlyKeys(Cpu.PARTS)
        .containsEntry("app server", 40.0)
        .containsEntry("dockerd", 10.0);
  }

  @Test
  void aSampleOfThisMachineAccountsForThisProcess() {
    Map<String, Double> sample = new Cpu(-1).sample();

    assertThat(sample).containsOnlyKeys(Cpu.PARTS);
    assertThat(sample.get("bench client")).isPositive();
    assertThat(sample.values().stream().mapToDouble(Double::doubleValue).sum()).isPositive();
  }

  private static Series round(int jobs, long seconds, Map<String, Double> cpu, long... latencies) {
    Latencies latency = new Latencies();
    for (long ms : latencies) {
      latency.record(Duration.ofMillis(ms));
    }
    return new Series(
        "allgo REST", jobs, 4, Duration.ofSeconds(seconds), latency, new Latencies(), cpu);
  }
}
