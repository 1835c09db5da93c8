package org.allgo.dispatch.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The warm pool's book-keeping, one lock for all: per kind, the ready containers, those being
 * started, those serving a job, how many the kind wants (one more at each miss, up to the setting;
 * none once idle) and when it was last used. The engine's work is the {@link WarmPool}'s, outside
 * the lock.
 */
@ApplicationScoped
public class WarmState {

  /** A kind of the pool as superusers see it. */
  public record KindView(
      WarmKind kind,
      int ready,
      int starting,
      int busy,
      int wanted,
      Instant lastUsed,
      long memoryMb) {}

  private static final class Kind {
    final Deque<WarmSlot> ready = new ArrayDeque<>();
    int starting;
    int wanted;
    Instant lastUsed = Instant.EPOCH;

    int size() {
      return ready.size() + starting;
    }
  }

  private final Map<WarmKind, Kind> kinds = new LinkedHashMap<>();

  // The slots handed to jobs that still run, by slot name.
  private final Map<String, WarmKind> busy = new HashMap<>();

  /**
   * A job of the kind was claimed: a ready slot for it, or a miss that makes the kind want more.
   */
  public synchronized Optional<WarmSlot> take(WarmKind key, Instant now, int perKind) {
    Kind kind = kinds.computeIfAbsent(key, k -> new Kind());
    kind.lastUsed = now;
    WarmSlot slot = kind.ready.pollFirst();
    if (slot == null) {
      kind.wanted = Math.min(perKind, kind.wanted + 1);
    } else {
      busy.put(slot.name(), key);
    }
    return Optional.ofNullable(slot);
  }

  /** The kind wants at least one container: its version just became runnable. */
  public synchronized void want(WarmKind key, Instant now) {
    Kind kind = kinds.computeIfAbsent(key, k -> new Kind());
    kind.wanted = Math.max(1, kind.wanted);
    kind.lastUsed = now;
  }

  /**
   * Counts one more container starting for the kind, if the kind wants it and the pool's cap
   * (containers, memory) allows it.
   */
  public synchronized boolean reserve(WarmKind key, int maxContainers, long maxMemoryMb) {
    Kind kind = kinds.get(key);
    if (kind == null || kind.size() >= kind.wanted) {
      return false;
    }
    int count = 0;
    long memory = 0;
    for (Map.Entry<WarmKind, Kind> entry : kinds.entrySet()) {
      count += entry.getValue().size();
      memory += (long) entry.getValue().size() * entry.getKey().memoryMb();
    }
    if (count + 1 > maxContainers || memory + key.memoryMb() > maxMemoryMb) {
      return false;
    }
    kind.starting++;
    return true;
  }

  /** A reserved start failed. */
  public synchronized void unreserve(WarmKind key) {
    Kind kind = kinds.get(key);
    if (kind != null && kind.starting > 0) {
      kind.starting--;
    }
  }

  /** A reserved container runs, ready for a job. */
  public synchronized void ready(WarmSlot slot) {
    Kind kind = kinds.computeIfAbsent(slot.kind(), k -> new Kind());
    if (kind.starting > 0) {
      kind.starting--;
    }
    kind.ready.addLast(slot);
  }

  /** The job of a slot ended, or its hand-over failed: the kind it served, if it was busy. */
  public synchronized Optional<WarmKind> released(String slot) {
    return Optional.ofNullable(busy.remove(slot));
  }

  /** Takes the ready slot of that container out of the pool, if it is there. */
  public synchronized Optional<WarmSlot> remove(String containerId) {
    for (Kind kind : kinds.values()) {
      for (WarmSlot slot : kind.ready) {
        if (slot.containerId().equals(containerId)) {
          kind.ready.remove(slot);
          return Optional.of(slot);
        }
      }
    }
    return Optional.empty();
  }

  /** The ready slots of kinds unused since {@code cutoff}, taken out; those kinds want none. */
  public synchronized List<WarmSlot> idle(Instant cutoff) {
    List<WarmSlot> idle = new ArrayList<>();
    kinds
        .entrySet()
        .removeIf(
            entry -> {
              Kind kind = entry.getValue();
              if (!kind.lastUsed.isBefore(cutoff)) {
                return false;
              }
              idle.addAll(kind.ready);
              kind.ready.clear();
              kind.wanted = 0;
              return kind.starting == 0;
            });
    return idle;
  }

  /** Every ready slot, taken out; no kind wants any until its next use. */
  public synchronized List<WarmSlot> drain() {
    List<WarmSlot> all = new ArrayList<>();
    kinds.values().forEach(kind -> all.addAll(kind.ready));
    kinds.values().forEach(kind -> kind.ready.clear());
    kinds.values().forEach(kind -> kind.wanted = 0);
    return all;
  }

  public synchronized List<KindView> view() {
    return kinds.entrySet().stream()
        .map(
            e ->
                new KindView(
                    e.getKey(),
                    e.getValue().ready.size(),
                    e.getValue().starting,
                    (int) busy.values().stream().filter(e.getKey()::equals).count(),
                    e.getValue().wanted,
                    e.getValue().lastUsed,
                    (long) e.getValue().size() * e.getKey().memoryMb()))
        .sorted(Comparator.comparing((KindView v) -> v.kind().webapp()))
        .toList();
  }
}
