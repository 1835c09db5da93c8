package org.allgo.connector.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a container may write besides its bind mounts, and how much: its root file system
 * (read-only or not), size-limited tmpfs mounts, and the log the engine keeps of its output
 * (rotated, so that it never holds more than {@code logBytes}).
 *
 * @param tmpfs absolute paths inside the container, each with its size in bytes
 */
public record Storage(boolean readOnlyRoot, Map<String, Long> tmpfs, long logBytes) {

  /** The smallest log the engine is asked to keep. */
  public static final long MIN_LOG = 64 * 1024;

  /** A writable root file system, no tmpfs, a log of 32 MiB at most. */
  public static final Storage DEFAULT = new Storage(false, Map.of(), 32L << 20);

  public Storage {
    tmpfs = Map.copyOf(tmpfs);
    tmpfs.forEach(
        (path, size) -> {
          Objects.requireNonNull(size, "size");
          if (!path.startsWith("/")
              || path.contains(":")
              || path.contains(",")
              || path.equals("/")) {
            throw new IllegalArgumentException("Invalid tmpfs path: " + path);
          }
          if (size <= 0) {
            throw new IllegalArgumentException("The tmpfs at " + path + " needs a positive size");
          }
        });
    if (logBytes < MIN_LOG) {
      throw new IllegalArgumentException(
          "The log must be allowed at least 64 KiB, got " + logBytes);
    }
  }

  public Storage withReadOnlyRoot(boolean value) {
    return new Storage(value, tmpfs, logBytes);
  }

  /** This storage with one more tmpfs of {@code bytes} at {@code path}. */
  public Storage withTmpfs(String path, long bytes) {
    Map<String, Long> value = new LinkedHashMap<>(tmpfs);
    value.put(path, bytes);
    return new Storage(readOnlyRoot, value, logBytes);
  }

  public Storage withLogBytes(long value) {
    return new Storage(readOnlyRoot, tmpfs, value);
  }
}
