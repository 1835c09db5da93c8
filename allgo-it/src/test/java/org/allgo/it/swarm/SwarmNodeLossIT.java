package org.allgo.it.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allgo.it.Api;
import org.allgo.it.jobs.Jobs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** A node of the test swarm killed under the server's jobs. */
@EnabledIfSystemProperty(named = "allgo.engine", matches = "swarm")
class SwarmNodeLossIT {

  @Test
  void aNodeKilledUnderRunningJobsEndsThemAsNodeLostTheOthersRunElsewhereOnce() throws Exception {
    SwarmNodes swarm = SwarmNodes.whole();
    Api devel = Api.asDevelopmentUser("devel@localhost");
    String queue = Jobs.queue(120, 8, 1);
    SwarmNodes.Starts starts = swarm.recordStarts();
    List<Long> ids = new ArrayList<>();
    // Six at once (the server's limit per user in the swarm tier), two waiting.
    for (int i = 0; i < 8; i++) {
      ids.add(Jobs.run(devel, "sleep", "10", queue));
    }
    Map<Long, Integer> nodes =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> running(swarm, ids), running -> running.size() == 6);
    int victim = nodes.values().stream().filter(n -> n > 1).findFirst().orElseThrow();

    try {
      swarm.kill(victim);

      Map<Long, JsonObject> ended = awaitEnds(devel, ids, Duration.ofSeconds(120));
      for (long id : ids) {
        JsonObject job = ended.get(id);
        assertThat(job.getString("state")).as(job.toString()).isEqualTo("DONE");
        if (Integer.valueOf(victim).equals(nodes.get(id))) {
          assertThat(job.getString("result")).as(job.toString()).isEqualTo("ERROR");
          assertThat(job.getString("reason"))
              .startsWith("node lost: the swarm node that ran the job went down");
        } else {
          assertThat(job.getString("result")).as(job.toString()).isEqualTo("SUCCESS");
        }
      }
      Thread.sleep(500);
      List<String> startedOnSurvivors = new ArrayList<>();
      for (int n : swarm.numbers()) {
        if (n != victim) {
          startedOnSurvivors.addAll(starts.of(n));
        }
      }
      List<String> expected =
          ids.stream()
              .filter(id -> !Integer.valueOf(victim).equals(nodes.get(id)))
              .map(Jobs::containerName)
              .toList();
      assertThat(startedOnSurvivors).containsExactlyInAnyOrderElementsOf(expected);
      swarm.awaitNoJobsLeft(Set.of(victim));
    } finally {
      starts.close();
      SwarmNodes.whole();
    }
  }

  /** The node of each job whose container runs now. */
  private static Map<Long, Integer> running(SwarmNodes swarm, List<Long> ids) {
    Map<Long, Integer> nodes = new HashMap<>();
    for (int n : swarm.numbers()) {
      for (String service :
          swarm
              .docker(
                  n,
                  "ps",
                  "--filter",
                  "label=allgo.service",
                  "--format",
                  "{{.Label \"allgo.service\"}}")
              .lines()
              .toList()) {
        for (long id : ids) {
          if (service.equals(Jobs.containerName(id))) {
            nodes.put(id, n);
          }
        }
      }
    }
    return nodes;
  }

  /** Waits until every job has ended; returns them as they ended. */
  static Map<Long, JsonObject> awaitEnds(Api api, List<Long> ids, Duration within) {
    Map<Long, JsonObject> ended = new LinkedHashMap<>();
    await()
        .atMost(within)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              for (long id : ids) {
                if (!ended.containsKey(id)) {
                  JsonObject job = Jobs.get(api, id);
                  if (Jobs.ENDED.contains(job.getString("state"))) {
                    ended.put(id, job);
                  }
                }
              }
              return ended.size() == ids.size();
            });
    return ended;
  }
}
