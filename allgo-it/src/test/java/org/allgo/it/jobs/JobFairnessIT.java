package org.allgo.it.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.allgo.it.Api;
import org.junit.jupiter.api.Test;

/** Round-robin between users: one user's many jobs do not hold back another user's single one. */
class JobFairnessIT {

  @Test
  void anotherUsersJobStartsBeforeTheRestOfAQueueFilledByOneUser() {
    String tool = ToolWebapp.name();
    String queue = Jobs.queue(300, 1, 30);
    Api devel = Api.asDevelopmentUser("devel@localhost");
    Api guest = Api.asDevelopmentUser("guest@localhost");
    List<Long> many = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      many.add(Jobs.run(devel, tool, "sleep 2", queue));
    }
    long single = Jobs.run(guest, tool, "sleep 2", queue);

    Jobs.awaitEnd(guest, single, Duration.ofSeconds(60));
    many.forEach(id -> Jobs.awaitEnd(devel, id, Duration.ofSeconds(60)));

    var guestStart = Jobs.instant(Jobs.get(guest, single), "startedAt");
    List<java.time.Instant> develStarts =
        many.stream().map(id -> Jobs.instant(Jobs.get(devel, id), "startedAt")).toList();
    assertThat(develStarts).isSorted();
    assertThat(guestStart)
        .as("the guest's job runs second, not fifth")
        .isAfter(develStarts.get(0))
        .isBefore(develStarts.get(1));
  }
}
