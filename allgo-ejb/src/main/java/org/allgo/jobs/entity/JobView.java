package org.allgo.jobs.entity;

import java.time.Duration;
import java.time.Instant;

/**
 * A job as clients see it.
 *
 * @param reason why the platform failed it, or null
 * @param exitCode the program's exit code once it ran to its end, or null
 * @param durationSeconds from start to end, or null while it has not ended
 * @param inputs the values of its inputs by name, for a webapp that describes them; else null
 */
public record JobView(
    long id,
    String owner,
    String webapp,
    String version,
    String queue,
    String param,
    JobState state,
    JobResult result,
    String reason,
    Integer exitCode,
    boolean oomKilled,
    boolean notifyByMail,
    long inputBytes,
    Long outputBytes,
    Instant createdAt,
    Instant queuedAt,
    Instant startedAt,
    Instant finishedAt,
    Double durationSeconds,
    java.util.Map<String, Object> inputs) {

  public static JobView of(Job job) {
    JobRun run = job.run();
    Duration d = run.duration();
    return new JobView(
        job.id(),
        job.user().email(),
        job.webappName(),
        job.versionNumber(),
        job.queue().name(),
        job.param(),
        job.state(),
        run.result(),
        run.reason(),
        run.exitCode(),
        run.oomKilled(),
        job.notifyWhenFinished(),
        job.inputBytes(),
        run.outputBytes(),
        job.createdAt(),
        job.queuedAt(),
        run.startedAt(),
        run.finishedAt(),
        d == null ? null : d.toMillis() / 1000.0,
        job.inputValues() == null
            ? null
            : org.allgo.inputs.entity.Boutiques.values(job.inputValues()));
  }
}
