package org.allgo.api;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One token bucket per API caller (the token's owner, or the address of an anonymous caller):
 * {@code allgo.api.rate-limit} requests a minute, refilled continuously; 0 turns limits off.
 */
@ApplicationScoped
public class RateLimits {

  /** Buckets of callers not seen for a while are forgotten past this many. */
  static final int MAX_CALLERS = 50_000;

  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  @Inject
  @ConfigProperty(name = "allgo.api.rate-limit", defaultValue = "6000")
  long perMinute;

  /** Empty when {@code caller} may go on; else how many seconds to wait. */
  public OptionalLong consume(String caller) {
    if (perMinute <= 0) {
      return OptionalLong.empty();
    }
    if (buckets.size() > MAX_CALLERS) {
      buckets.clear();
    }
    ConsumptionProbe probe =
        buckets.computeIfAbsent(caller, c -> newBucket()).tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(
        Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1));
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(perMinute)
                .refillGreedy(perMinute, Duration.ofMinutes(1))
                .build())
        .build();
  }
}
