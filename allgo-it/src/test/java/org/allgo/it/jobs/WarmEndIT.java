package org.allgo.it.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.allgo.it.AllgoScript;
import org.allgo.it.Server;
import org.junit.jupiter.api.Test;

/**
 * A warm job ends on its waiter's report, without waiting for the engine's event, and loses nothing
 * by it: its exit code, its whole output on both streams, its files. On a server with warm starts
 * only ({@code ALLGO_WARM_ENABLED=true} in {@code allgo.test.server.settings}).
 */
class WarmEndIT extends ToolJobTest {

  private static final Path SERVER_LOG =
      AllgoScript.root().toPath().resolve("var/" + Server.ENVIRONMENT + "/log/server.log");

  @Test
  void aWarmJobEndsOnItsWaitersReportWithItsWholeOutput() throws IOException {
    assumeThat(Jobs.WARM).as("warm starts on").isTrue();
    Jobs.awaitEnd(devel, Jobs.run(devel, tool, "args warm-up", null), Duration.ofSeconds(60));
    Jobs.awaitWarmContainer(tool);
    long logStart = Files.exists(SERVER_LOG) ? Files.size(SERVER_LOG) : 0;

    long id = Jobs.run(devel, tool, "exit 3", null);
    JsonObject ended = Jobs.awaitEnd(devel, id, Duration.ofSeconds(60));

    String log = Jobs.file(devel, id, "allgo.log");
    assertThat(ended.getString("result")).as(log).isEqualTo("ERROR");
    assertThat(ended.getInt("exitCode")).isEqualTo(3);
    assertThat(log).contains("exiting with 3").contains("oops");
    assertThat(since(logStart))
        .as("the server's log")
        .contains("Job " + id + " ended on its waiter's report");
  }

  private static String since(long offset) throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(SERVER_LOG.toFile(), "r")) {
      file.seek(offset);
      byte[] bytes = new byte[(int) (file.length() - offset)];
      file.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
