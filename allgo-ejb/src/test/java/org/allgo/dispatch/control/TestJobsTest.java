package org.allgo.dispatch.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.allgo.connector.api.ExitStatus;
import org.allgo.connector.api.LogChunk;
import org.allgo.connector.api.LogEntry;
import org.junit.jupiter.api.Test;

class TestJobsTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

  @Test
  void aFailedTestJobSaysItsExitCodeAndTheEndOfItsLog() {
    ExitStatus exit = new ExitStatus(2, false, false, NOW, NOW);

    assertThat(TestJobs.reason(exit, TEN_MINUTES, List.of(line("in.txt holds bye\n"), line("\n"))))
        .isEqualTo("The test job ended with exit code 2: in.txt holds bye");
    assertThat(TestJobs.reason(exit, TEN_MINUTES, List.of()))
        .isEqualTo("The test job ended with exit code 2.");
  }

  @Test
  void aTimeOutOrMemoryOrPlatformFailureIsNamed() {
    assertThat(TestJobs.reason(new ExitStatus(137, false, true, NOW, NOW), TEN_MINUTES, List.of()))
        .isEqualTo("The test job did not end within 600 s.");
    assertThat(TestJobs.reason(new ExitStatus(137, true, false, NOW, NOW), TEN_MINUTES, List.of()))
        .isEqualTo("The test job ran out of memory.");
    assertThat(
            TestJobs.reason(
                new ExitStatus(1, false, false, NOW, NOW, Optional.of("node lost")),
                TEN_MINUTES,
                List.of()))
        .isEqualTo("The test job could not run: node lost.");
  }

  private static LogEntry line(String text) {
    return new LogEntry(
        NOW, new LogChunk(LogChunk.Stream.STDOUT, text.getBytes(StandardCharsets.UTF_8)));
  }
}
