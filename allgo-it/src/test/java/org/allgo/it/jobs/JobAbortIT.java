package org.allgo.it.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.allgo.it.Api;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Aborting a job: waiting or running, it is ABORTED within seconds and its container gone. */
class JobAbortIT {

  private static String tool;
  private static String singleSlot;
  private Api devel;

  @BeforeAll
  static void fixtures() {
    tool = ToolWebapp.name();
    singleSlot = Jobs.queue(300, 1, 30);
  }

  @BeforeEach
  void signIn() {
    devel = Api.asDevelopmentUser("devel@localhost");
  }

  @Test
  void aRunningJobIsAbortedAndItsContainerRemoved() {
    long id = Jobs.run(devel, tool, "sleep 60", null);
    Jobs.awaitState(devel, id, "RUNNING", Duration.ofSeconds(30));
    // RUNNING from its claim; the program runs once its container has started (on a swarm, the
    // service exists before its task's container runs): its log says it does.
    await().atMost(Duration.ofSeconds(30)).until(() -> Jobs.containerExists(id));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                devel
                    .get("/api/v2/jobs/" + id + "/log")
                    .json()
                    .getString("text")
                    .contains("sleeping 60"));

    long before = System.nanoTime();
    Api.Response aborted = devel.post("/api/v2/jobs/" + id + "/abort", null);
    Duration took = Duration.ofNanos(System.nanoTime() - before);

    assertThat(aborted.status()).as(aborted.body()).isEqualTo(200);
    assertThat(aborted.json().getString("state")).isEqualTo("DONE");
    assertThat(aborted.json().getString("result")).isEqualTo("ABORTED");
    assertThat(took).isLessThan(Duration.ofSeconds(5));
    Jobs.awaitContainerRemoved(id);
    assertThat(Jobs.file(devel, id, "allgo.log"))
        .contains("sleeping 60")
        .contains("result:    ABORTED");
  }

  @Test
  void aWaitingJobIsAbortedBeforeItStarts() {
    long running = Jobs.run(devel, tool, "sleep 60", singleSlot);
    Jobs.awaitState(devel, running, "RUNNING", Duration.ofSeconds(30));
    long waiting = Jobs.run(devel, tool, "sleep 60", singleSlot);
    assertThat(Jobs.get(devel, waiting).getString("state")).isEqualTo("WAITING");

    JsonObject aborted = devel.post("/api/v2/jobs/" + waiting + "/abort", null).json();

    assertThat(aborted.getString("result")).isEqualTo("ABORTED");
    assertThat(aborted.containsKey("startedAt")).isFalse();
    assertThat(devel.post("/api/v2/jobs/" + running + "/abort", null).json().getString("result"))
        .isEqualTo("ABORTED");
    Jobs.awaitContainerRemoved(waiting);
  }

  @Test
  void anEndedJobCannotBeAbortedNorSomeoneElses() {
    long id = Jobs.run(devel, tool, "exit 0", null);
    Jobs.awaitEnd(devel, id, Duration.ofSeconds(30));

    assertThat(devel.post("/api/v2/jobs/" + id + "/abort", null).status()).isEqualTo(409);
    assertThat(
            Api.asDevelopmentUser("guest@localhost")
                .post("/api/v2/jobs/" + id + "/abort", null)
                .status())
        .isEqualTo(404);
  }
}
