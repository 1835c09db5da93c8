package org.allgo.dispatch.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.allgo.dispatch.control.FairOrder.Candidate;
import org.junit.jupiter.api.Test;

class FairOrderTest {

  private static final Instant T = Instant.parse("2025-01-01T10:00:00Z");

  @Test
  void withNothingRunningTheOldestJobGoesFirst() {
    assertThat(
            FairOrder.order(
                List.of(new Candidate(1, 30), new Candidate(2, 10)), Map.of(), Map.of(), 2))
        .containsExactly(10L, 30L);
  }

  @Test
  void theUserWithFewerRunningJobsGoesFirst() {
    List<Candidate> waiting = List.of(new Candidate(1, 5), new Candidate(2, 200));
    assertThat(FairOrder.order(waiting, Map.of(1L, 1), Map.of(1L, T), 4)).containsExactly(200L, 5L);
  }

  @Test
  void atEqualLoadTheUserServedLongestAgoGoesFirst() {
    List<Candidate> waiting =
        List.of(new Candidate(1, 2), new Candidate(2, 9), new Candidate(3, 7));
    Map<Long, Instant> lastStart = Map.of(1L, T.plusSeconds(5), 2L, T);
    assertThat(FairOrder.order(waiting, Map.of(), lastStart, 4)).containsExactly(7L, 9L, 2L);
  }

  @Test
  void usersAtTheirLimitWait() {
    List<Candidate> waiting = List.of(new Candidate(1, 2), new Candidate(2, 9));
    assertThat(FairOrder.order(waiting, Map.of(1L, 2), Map.of(), 2)).containsExactly(9L);
    assertThat(FairOrder.order(waiting, Map.of(1L, 2, 2L, 2), Map.of(), 2)).isEmpty();
  }

  @Test
  void aUserWithManyJobsDoesNotStarveAnotherOne() {
    // User 1 submitted 200 jobs first (its oldest is job 1); user 2 then one job (201).
    List<Candidate> waiting = List.of(new Candidate(1, 2), new Candidate(2, 201));
    assertThat(FairOrder.order(waiting, Map.of(1L, 1), Map.of(1L, T), 2).get(0)).isEqualTo(201L);
    assertThat(FairOrder.order(waiting, Map.of(), Map.of(1L, T), 2).get(0)).isEqualTo(201L);
  }
}
