package org.allgo.dispatch.control;

import java.util.Objects;

/**
 * What makes warm containers interchangeable: a job may take one made with exactly its image (a
 * version's digest), memory, CPU and network.
 *
 * @param cpuMillis thousandths of a CPU, from the queue
 */
public record WarmKind(
    String image, int memoryMb, int cpuMillis, boolean networkAllowed, String webapp) {

  public WarmKind {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(webapp, "webapp");
  }

  public static WarmKind of(JobLaunch launch) {
    return new WarmKind(
        launch.image(),
        launch.memoryMb(),
        launch.cpuMillis(),
        launch.networkAllowed(),
        launch.webapp());
  }
}
