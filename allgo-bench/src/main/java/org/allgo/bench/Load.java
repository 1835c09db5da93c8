package org.allgo.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs a number of jobs at a given concurrency and times them: the same harness for both sides. */
final class Load {

  /** One job, recording its latencies. */
  interface Job {
    void run(Latencies latency, Latencies toStart) throws Exception;
  }

  private Load() {}

  static Series run(String name, int jobs, int concurrency, Job job) throws Exception {
    return run(name, jobs, concurrency, Duration.ZERO, job);
  }

  /**
   * The same, each of the {@code concurrency} clients waiting {@code think} after each of its jobs
   * before it submits the next (a user reading the result): the jobs come at a pace rather than
   * back to back. The wall time, hence the series' jobs/s, counts the waits.
   */
  static Series run(String name, int jobs, int concurrency, Duration think, Job job)
      throws Exception {
    Latencies latency = new Latencies();
    Latencies toStart = new Latencies();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    Instant begin = Instant.now();
    try {
      List<Future<?>> all = new ArrayList<>();
      for (int i = 0; i < jobs; i++) {
        all.add(
            pool.submit(
                () -> {
                  job.run(latency, toStart);
                  Thread.sleep(think.toMillis());
                  return null;
                }));
      }
      for (Future<?> one : all) {
        one.get();
      }
    } finally {
      pool.shutdown();
      pool.awaitTermination(1, TimeUnit.MINUTES);
    }
    return new Series(
        name,
        jobs,
        concurrency,
        Duration.between(begin, Instant.now()),
        latency,
        toStart,
        Map.of());
  }
}
