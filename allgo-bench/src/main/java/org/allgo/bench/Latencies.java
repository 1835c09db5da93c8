package org.allgo.bench;

import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;

/** Latencies of one series, in milliseconds, with their percentiles. */
final class Latencies {

  private final Histogram histogram = new Histogram(3_600_000L, 3);

  synchronized void record(Duration latency) {
    histogram.recordValue(Math.max(0, latency.toMillis()));
  }

  synchronized long percentile(double p) {
    return histogram.getValueAtPercentile(p);
  }

  /** This and the others' latencies together. */
  static Latencies of(List<Latencies> all) {
    Latencies merged = new Latencies();
    for (Latencies one : all) {
      synchronized (one) {
        merged.histogram.add(one.histogram);
      }
    }
    return merged;
  }

  synchronized long count() {
    return histogram.getTotalCount();
  }
}
