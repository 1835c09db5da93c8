package org.allgo.connector.swarm;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.allgo.connector.api.ExitStatus;
import org.allgo.connector.api.LogChunk;
import org.allgo.connector.api.LogEntry;

/**
 * What the swarm does not say of a task's end, said by the task itself: a shell from the helper
 * folder (a static busybox, mounted read-only) runs the program as its child, then writes one last
 * line to standard error: how long the program ran and how many processes the kernel killed for
 * want of memory in the container's cgroup. The connector takes that line out of the log it
 * returns. The program keeps its argument vector, environment, user and working directory, and its
 * exit status is the task's; a program could print such a line itself, and mislead only its own
 * job's report.
 */
public final class Witness {

  /** Where the helper folder is seen in a task. */
  public static final String MOUNT = "/.allgo";

  // The program runs with the highest oom_score_adj (a value anyone may raise), inherited by
  // what it forks: when memory runs out, the kernel kills one of the program's processes, never
  // the witness. After the program nothing forks (a fork while a killed process's memory is still
  // charged can run out again): read(1), test, loops and arithmetic are the shell's own.
  // /proc/uptime counts hundredths of a second; the oom_kill counter is in memory.events (cgroup
  // v2) or memory.oom_control (v1).
  private static final String SCRIPT =
      "read a b < /proc/uptime; "
          + "( { echo 1000 > /proc/self/oom_score_adj; } 2>/dev/null; exec \"$@\" ); s=$?; "
          + "read c d < /proc/uptime; k=0; "
          + "for f in /sys/fs/cgroup/memory.events /sys/fs/cgroup/memory/memory.oom_control; do "
          + "[ -r \"$f\" ] && while read n v; do [ \"$n\" = oom_kill ] && k=$v; done < \"$f\"; "
          + "done; "
          + "echo \"allgo-witness ran=$(( ${c%.*}${c#*.} - ${a%.*}${a#*.} ))0ms oom_kill $k\" >&2; "
          + "exit $s";

  private static final Pattern LINE =
      Pattern.compile("allgo-witness ran=(-?\\d+)ms oom_kill (\\d+)\\r?\\n?");

  private Witness() {}

  /** The task's command: the witness, then the image's entry point and the program's arguments. */
  public static List<String> command(List<String> entrypoint, List<String> argv) {
    List<String> command = new ArrayList<>(List.of(MOUNT + "/bin/sh", "-c", SCRIPT, "allgo"));
    command.addAll(entrypoint);
    command.addAll(argv);
    return command;
  }

  /** True for the witness's line. */
  public static boolean isReport(LogChunk chunk) {
    return chunk.stream() == LogChunk.Stream.STDERR
        && LINE.matcher(new String(chunk.bytes(), StandardCharsets.UTF_8)).matches();
  }

  /** The log without the witness's lines. */
  public static List<LogChunk> withoutReport(List<LogChunk> chunks) {
    return chunks.stream().filter(c -> !isReport(c)).toList();
  }

  /**
   * How many of the log's last messages are searched for the report: the witness writes it last,
   * but the engine reads a task's standard output and standard error apart, so the program's last
   * lines on the other stream can be logged after it.
   */
  public static final int TAIL = 64;

  /**
   * The exit status completed with the witness's report, the last one among {@code tail} (the log's
   * last messages, oldest first): the program's start and whether memory ran out.
   */
  public static ExitStatus complete(ExitStatus exit, List<LogEntry> tail) {
    for (int i = tail.size() - 1; i >= 0; i--) {
      LogEntry entry = tail.get(i);
      Matcher report = LINE.matcher(entry.chunk().text());
      if (entry.chunk().stream() == LogChunk.Stream.STDERR && report.matches()) {
        Instant ended = entry.time();
        Instant started =
            ended.minus(Duration.ofMillis(Math.max(0, Long.parseLong(report.group(1)))));
        boolean oom = Long.parseLong(report.group(2)) > 0;
        return new ExitStatus(
            exit.exitCode(), oom, exit.timedOut(), started, ended, exit.failure());
      }
    }
    return exit;
  }
}
