package org.allgo.dispatch.control;

/**
 * A warm container's waiter reported its program's exit ({@link WarmReports}).
 *
 * @param slot the warm slot, which knows its job
 * @param exitCode the program's
 * @param relayed the bytes of output the waiter passed on to the engine's log
 */
public record WarmExitReported(String slot, int exitCode, long relayed) {}
