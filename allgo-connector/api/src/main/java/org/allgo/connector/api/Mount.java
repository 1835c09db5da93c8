package org.allgo.connector.api;

import java.util.Objects;

/** A bind mount: a host directory seen at {@code containerPath}. Both paths are absolute. */
public record Mount(String hostPath, String containerPath, boolean readOnly) {

  public Mount {
    requireAbsolute(hostPath, "hostPath");
    requireAbsolute(containerPath, "containerPath");
  }

  public static Mount readWrite(String hostPath, String containerPath) {
    return new Mount(hostPath, containerPath, false);
  }

  public static Mount readOnly(String hostPath, String containerPath) {
    return new Mount(hostPath, containerPath, true);
  }

  private static void requireAbsolute(String path, String what) {
    Objects.requireNonNull(path, what);
    if (!path.startsWith("/") || path.contains(":") || path.contains(",")) {
      throw new IllegalArgumentException(
          what + " must be an absolute path without ':' or ',': " + path);
    }
  }
}
