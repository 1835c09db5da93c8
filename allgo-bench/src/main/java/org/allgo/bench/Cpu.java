package org.allgo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The machine's CPU time by process, from {@code /proc}: the engine (dockerd, containerd), the
 * application server, MariaDB, this client, and the rest (the engine's short-lived shims and runc,
 * the containers, the kernel). Two samples around a series give each side's CPU cost per job, which
 * on a machine of two cores is what bounds jobs per second.
 */
final class Cpu {

  /** The parts reported, in order; "other" is the machine's busy time not in the others. */
  static final List<String> PARTS =
      List.of("dockerd", "containerd", "app server", "mariadbd", "bench client", "other");

  private static final double TICK_MS = 10; // USER_HZ is 100 on Linux

  private final long serverPid;

  Cpu(long serverPid) {
    this.serverPid = serverPid;
  }

  /** Busy milliseconds so far, by part. */
  Map<String, Double> sample() {
    Map<String, Double> ms = new LinkedHashMap<>();
    PARTS.forEach(part -> ms.put(part, 0.0));
    double busy = machineBusyTicks() * TICK_MS;
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      processes
          .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .forEach(
              p -> {
                long pid = Long.parseLong(p.getFileName().toString());
                String[] stat = stat(p);
                if (stat == null) {
                  return;
                }
                String part = part(pid, stat[0]);
                if (part != null) {
                  ms.merge(part, ticks(stat) * TICK_MS, Double::sum);
                }
              });
    } catch (IOException e) {
      throw new IllegalStateException("cannot read /proc", e);
    }
    double named = ms.values().stream().mapToDouble(Double::doubleValue).sum();
    ms.put("other", busy - named);
    return ms;
  }

  /** What a series cost, per job, in CPU milliseconds by part. */
  static Map<String, Double> perJob(
      Map<String, Double> before, Map<String, Double> after, int jobs) {
    Map<String, Double> cost = new LinkedHashMap<>();
    for (String part : PARTS) {
      cost.put(part, (after.get(part) - before.get(part)) / jobs);
    }
    return cost;
  }

  private String part(long pid, String command) {
    if (pid == serverPid) {
      return "app server";
    }
    if (pid == ProcessHandle.current().pid()) {
      return "bench client";
    }
    return switch (command) {
      case "dockerd", "containerd", "mariadbd" -> command;
      default -> null;
    };
  }

  /**
   * The command and the fields after it of {@code /proc/<pid>/stat}; null when the process is gone.
   */
  private static String[] stat(Path process) {
    try {
      String line = Files.readString(process.resolve("stat"));
      int open = line.indexOf('(');
      int close = line.lastIndexOf(')');
      String[] rest = line.substring(close + 2).split(" ");
      String[] out = new String[rest.length + 1];
      out[0] = line.substring(open + 1, close);
      System.arraycopy(rest, 0, out, 1, rest.length);
      return out;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** utime + stime: fields 14 and 15 of the stat line, at 12 and 13 in {@link #stat}'s array. */
  private static long ticks(String[] stat) {
    return Long.parseLong(stat[12]) + Long.parseLong(stat[13]);
  }

  private static long machineBusyTicks() {
    try {
      String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      // user nice system idle iowait irq softirq steal: busy is all but idle and iowait.
      return Long.parseLong(cpu[1])
          + Long.parseLong(cpu[2])
          + Long.parseLong(cpu[3])
          + Long.parseLong(cpu[6])
          + Long.parseLong(cpu[7])
          + Long.parseLong(cpu[8]);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read /proc/stat", e);
    }
  }
}
