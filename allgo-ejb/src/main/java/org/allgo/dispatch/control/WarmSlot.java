package org.allgo.dispatch.control;

import java.time.Instant;

/**
 * A warm container ready for one job: its process the waiter, its working directory the slot's
 * empty folder.
 *
 * @param name the slot's name: its folder under the pool's, and the container's label
 */
public record WarmSlot(String name, String containerId, WarmKind kind, Instant readyAt) {}
