package org.allgo.it.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.allgo.it.AllgoScript;
import org.allgo.it.Api;
import org.allgo.it.Server;
import org.junit.jupiter.api.Test;

/**
 * Shutdown with jobs ending: jobs whose programs end one after the other before, while and after
 * the server is stopped ({@code bin/allgo down}) each end once it is started again ({@code
 * bin/allgo up}) with their own exit code and their whole {@code allgo.log}, their containers gone;
 * and no container event reached the application while it stopped.
 */
class JobShutdownIT {

  private static final int JOBS = 8;

  @Test
  void jobsEndingWhileTheServerStopsEndOnceWithTheirLogs() throws IOException {
    String tool = ToolWebapp.name();
    Api devel = Api.asDevelopmentUser("devel@localhost");
    // A user runs two jobs at a time in a queue: four queues let the eight run together.
    List<String> queues = new ArrayList<>();
    for (int i = 0; i < JOBS / 2; i++) {
      queues.add(Jobs.queue(600, 4, 30));
    }
    Map<Long, Integer> exitCodes = new LinkedHashMap<>();
    for (int i = 0; i < JOBS; i++) {
      int code = 20 + i;
      long id = Jobs.run(devel, tool, "sleepexit " + (2 + 2 * i) + " " + code, queues.get(i / 2));
      exitCodes.put(id, code);
    }
    for (long id : exitCodes.keySet()) {
      Jobs.awaitState(devel, id, "RUNNING", Duration.ofSeconds(60));
    }
    Path serverLog =
        AllgoScript.root().toPath().resolve("var/" + Server.ENVIRONMENT + "/log/server.log");
    long logStart = Files.exists(serverLog) ? Files.size(serverLog) : 0;

    Instant stopping = Instant.now();
    AllgoScript.run("down", AllgoScript.serverSettings());
    Duration down = Duration.between(stopping, Instant.now());
    String stopLog = tail(serverLog, logStart);
    AllgoScript.run("up", AllgoScript.serverSettings());

    devel = Api.asDevelopmentUser("devel@localhost");
    for (Map.Entry<Long, Integer> job : exitCodes.entrySet()) {
      long id = job.getKey();
      int code = job.getValue();
      JsonObject ended = Jobs.awaitEnd(devel, id, Duration.ofSeconds(60));
      assertThat(ended.getString("result"))
          .as("job %d (down took %s)", id, down)
          .isEqualTo("ERROR");
      assertThat(ended.getInt("exitCode")).as("job %d", id).isEqualTo(code);
      assertThat(Jobs.file(devel, id, "allgo.log"))
          .as("job %d", id)
          .contains("exiting with " + code)
          .contains("exit code: " + code)
          .contains("result:    ERROR");
      Jobs.awaitContainerRemoved(id);
    }
    assertThat(stopLog)
        .as("the server log while it stopped")
        .doesNotContain("ClassCastException")
        .doesNotContain("MessageBeanContainer");
  }

  // What the server log got since offset (the whole log if it was rotated meanwhile).
  private static String tail(Path log, long offset) throws IOException {
    if (!Files.exists(log)) {
      return "";
    }
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      long from = file.length() < offset ? 0 : offset;
      byte[] bytes = new byte[(int) (file.length() - from)];
      file.seek(from);
      file.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
