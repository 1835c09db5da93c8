package org.allgo.dispatch.control;

/**
 * What the dispatcher needs to start a claimed job's container, read in a transaction of its own.
 *
 * @param cpuMillis thousandths of a CPU, from the queue
 */
public record JobLaunch(
    long jobId,
    String image,
    String entrypoint,
    String param,
    int memoryMb,
    int cpuMillis,
    boolean networkAllowed,
    String webapp) {}
