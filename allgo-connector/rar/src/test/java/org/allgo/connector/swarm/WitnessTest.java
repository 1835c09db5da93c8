package org.allgo.connector.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.allgo.connector.api.ExitStatus;
import org.allgo.connector.api.LogChunk;
import org.allgo.connector.api.LogEntry;
import org.junit.jupiter.api.Test;

class WitnessTest {

  private static final Instant CREATED = Instant.parse("2026-12-04T10:00:00Z");
  private static final Instant END = Instant.parse("2026-12-04T10:00:09.500Z");
  private static final ExitStatus SWARM =
      new ExitStatus(0, false, false, CREATED, END.plusMillis(80));

  @Test
  void theReportTellsTheStartAndTheMemoryKills() {
    ExitStatus exit =
        Witness.complete(
            SWARM,
            List.of(
                entry(END.minusMillis(5), LogChunk.Stream.STDOUT, "done\n"),
                entry(END, LogChunk.Stream.STDERR, "allgo-witness ran=1230ms oom_kill 2\n")));

    assertThat(exit.oomKilled()).isTrue();
    assertThat(exit.startedAt()).isEqualTo(END.minusMillis(1230));
    assertThat(exit.finishedAt()).isEqualTo(END);
    assertThat(exit.exitCode()).isZero();
  }

  @Test
  void theProgramsLastLinesMayBeLoggedAfterTheReport() {
    ExitStatus exit =
        Witness.complete(
            SWARM,
            List.of(
                entry(END.minusMillis(9), LogChunk.Stream.STDERR, "Killed\n"),
                entry(
                    END.minusMillis(2),
                    LogChunk.Stream.STDERR,
                    "allgo-witness ran=10ms oom_kill 0\n"),
                entry(END, LogChunk.Stream.STDERR, "allgo-witness ran=900ms oom_kill 1\n"),
                entry(END.plusMillis(1), LogChunk.Stream.STDOUT, "alive\n")));

    assertThat(exit.oomKilled()).isTrue();
    assertThat(exit.startedAt()).isEqualTo(END.minusMillis(900));
    assertThat(exit.finishedAt()).isEqualTo(END);
  }

  @Test
  void withoutAReportTheSwarmsWordStands() {
    assertThat(Witness.complete(SWARM, List.of())).isEqualTo(SWARM);
    assertThat(
            Witness.complete(
                SWARM,
                List.of(entry(END, LogChunk.Stream.STDOUT, "allgo-witness ran=10ms oom_kill 1\n"))))
        .isEqualTo(SWARM);
    assertThat(Witness.complete(SWARM, List.of(entry(END, LogChunk.Stream.STDERR, "the end\n"))))
        .isEqualTo(SWARM);
  }

  @Test
  void theReportIsNotPartOfTheLog() {
    List<LogChunk> log =
        List.of(
            chunk(LogChunk.Stream.STDOUT, "allgo-witness ran=10ms oom_kill 0\n"),
            chunk(LogChunk.Stream.STDERR, "oops\n"),
            chunk(LogChunk.Stream.STDERR, "allgo-witness ran=10ms oom_kill 0\n"));

    assertThat(Witness.withoutReport(log)).containsExactly(log.get(0), log.get(1));
  }

  @Test
  void theCommandRunsTheProgramWithItsArgumentsUntouched() {
    List<String> command = Witness.command(List.of(), List.of("/bin/tool", "a b", "$HOME"));

    assertThat(command.subList(0, 2)).containsExactly("/.allgo/bin/sh", "-c");
    assertThat(command.get(2)).contains("\"$@\"").endsWith("exit $s");
    // The program is the kernel's choice when memory runs out; the witness forks nothing after it.
    assertThat(command.get(2))
        .contains("echo 1000 > /proc/self/oom_score_adj")
        .doesNotContain("/bin/cat")
        .doesNotContain("/bin/grep")
        .doesNotContainPattern("\\$\\([^(]");
    assertThat(command.subList(3, command.size()))
        .containsExactly("allgo", "/bin/tool", "a b", "$HOME");
  }

  private static LogEntry entry(Instant time, LogChunk.Stream stream, String text) {
    return new LogEntry(time, chunk(stream, text));
  }

  private static LogChunk chunk(LogChunk.Stream stream, String text) {
    return new LogChunk(stream, text.getBytes(StandardCharsets.UTF_8));
  }
}
