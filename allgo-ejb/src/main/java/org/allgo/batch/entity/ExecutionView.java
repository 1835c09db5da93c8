package org.allgo.batch.entity;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A job execution with its steps, newest first in listings. */
public record ExecutionView(
    long id,
    long instanceId,
    String jobName,
    String status,
    String exitStatus,
    Instant created,
    Instant start,
    Instant end,
    String parameters,
    List<StepView> steps)
    implements Serializable {

  public ExecutionView {
    steps = List.copyOf(steps);
  }

  /** Still going: STARTING, STARTED or STOPPING. */
  public boolean running() {
    return status.equals("STARTING") || status.equals("STARTED") || status.equals("STOPPING");
  }

  /** May be stopped by hand. */
  public boolean stoppable() {
    return status.equals("STARTING") || status.equals("STARTED");
  }

  /** Ended badly: a restart may be tried (the job itself may refuse it). */
  public boolean restartable() {
    return status.equals("FAILED") || status.equals("STOPPED");
  }
}
