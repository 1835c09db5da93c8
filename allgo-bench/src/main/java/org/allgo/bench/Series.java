package org.allgo.bench;

import java.time.Duration;

/** One measured series: how many jobs at what concurrency, how long in all, and their latencies. */
record Series(String name, int jobs, int concurrency, Duration wall, Latencies latency, Latencies toStart) {

  double jobsPerSecond() {
    return jobs / (wall.toNanos() / 1e9);
  }
}
