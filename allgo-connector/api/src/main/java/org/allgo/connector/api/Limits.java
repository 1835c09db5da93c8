package org.allgo.connector.api;

/**
 * Resource limits of a container: memory (swap is never allowed beyond it), CPU in billionths of a
 * CPU, and the number of processes.
 */
public record Limits(long memoryBytes, long nanoCpus, long pidsLimit) {

  /** The smallest memory limit the engine accepts. */
  public static final long MIN_MEMORY = 6L * 1024 * 1024;

  /** 512 MiB, one CPU, 256 processes. */
  public static final Limits DEFAULT = of(512L * 1024 * 1024, 1.0, 256);

  public Limits {
    if (memoryBytes < MIN_MEMORY) {
      throw new IllegalArgumentException("Memory limit must be at least 6 MiB, got " + memoryBytes);
    }
    if (nanoCpus <= 0) {
      throw new IllegalArgumentException("CPU limit must be positive, got " + nanoCpus);
    }
    if (pidsLimit <= 0) {
      throw new IllegalArgumentException("Process limit must be positive, got " + pidsLimit);
    }
  }

  public static Limits of(long memoryBytes, double cpus, long pidsLimit) {
    return new Limits(memoryBytes, Math.round(cpus * 1_000_000_000L), pidsLimit);
  }
}
