package org.allgo.connector.swarm;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

  // read(1) and arithmetic are the shell's own; /proc/uptime counts hundredths of a second.
  private static final String SCRIPT =
      "read a b < /proc/uptime; \"$@\"; s=$?; read c d < /proc/uptime; "
          + "k=$("
          + MOUNT
          + "/bin/cat /sys/fs/cgroup/memory/memory.oom_control /sys/fs/cgroup/memory.events"
          + " 2>/dev/null | "
          + MOUNT
          + "/bin/grep -m1 '^oom_kill '); "
          + "echo \"allgo-witness ran=$(( ${c%.*}${c#*.} - ${a%.*}${a#*.} ))0ms ${k:-oom_kill 0}\" >&2; "
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
   * The exit status completed with the witness's report, when {@code last} (the log's last message)
   * is one: the program's start and whether memory ran out.
   */
  public static ExitStatus complete(ExitStatus exit, Optional<LogEntry> last) {
    if (last.isEmpty() || last.get().chunk().stream() != LogChunk.Stream.STDERR) {
      return exit;
    }
    Matcher report = LINE.matcher(last.get().chunk().text());
    if (!report.matches()) {
      return exit;
    }
    Instant ended = last.get().time();
    Instant started = ended.minus(Duration.ofMillis(Math.max(0, Long.parseLong(report.group(1)))));
    boolean oom = Long.parseLong(report.group(2)) > 0;
    return new ExitStatus(exit.exitCode(), oom, exit.timedOut(), started, ended, exit.failure());
  }
}
