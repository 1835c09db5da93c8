package org.allgo.it.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allgo.it.Api;
import org.allgo.it.jobs.Jobs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Many jobs at once on the test swarm's three nodes, through the server's API. */
@EnabledIfSystemProperty(named = "allgo.engine", matches = "swarm")
class SwarmJobsIT {

  // 40 a node on average: enough to see every node take some, each job run once, none left (the
  // issue's 200 took 45 s of the swarm tier here, which bin/allgo test keeps near 5 minutes).
  private static final int JOBS = 120;

  @Test
  void manyJobsEachRunOnceSpreadOverTheNodesAndNothingIsLeft() throws Exception {
    SwarmNodes swarm = SwarmNodes.whole();
    Api devel = Api.asDevelopmentUser("devel@localhost");
    String queue = Jobs.queue(120, 6, 1);
    List<Long> ids = new ArrayList<>();
    Map<Integer, List<String>> started = new HashMap<>();
    try (SwarmNodes.Starts starts = swarm.recordStarts()) {
      for (int i = 0; i < JOBS; i++) {
        ids.add(Jobs.run(devel, "sleep", "0", queue));
      }
      Map<Long, JsonObject> ended = SwarmNodeLossIT.awaitEnds(devel, ids, Duration.ofMinutes(5));
      assertThat(ended.values())
          .allSatisfy(
              job -> {
                assertThat(job.getString("state")).as(job.toString()).isEqualTo("DONE");
                assertThat(job.getString("result")).as(job.toString()).isEqualTo("SUCCESS");
              });
      Thread.sleep(500);
      for (int n : swarm.numbers()) {
        started.put(n, starts.of(n));
      }
    }
    // Once each: the log of a job service holds the output of every run of it.
    for (long id : ids) {
      assertThat(Jobs.file(devel, id, "allgo.log").split("sleeping 0 seconds", -1)).hasSize(2);
    }
    List<String> all = started.values().stream().flatMap(List::stream).toList();
    Set<String> expected = new HashSet<>();
    ids.forEach(id -> expected.add(Jobs.containerName(id)));
    assertThat(all).as("job containers started on the nodes").hasSize(JOBS);
    assertThat(Set.copyOf(all)).isEqualTo(expected);
    assertThat(started.values())
        .as("jobs started by each node")
        .allSatisfy(s -> assertThat(s).isNotEmpty());
    swarm.awaitNoJobsLeft(Set.of());
  }
}
