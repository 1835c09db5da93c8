package org.allgo.it.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.allgo.it.Api;
import org.junit.jupiter.api.Test;

/** Retention: the purge-jobs batch job archives jobs older than their queue's retention. */
class JobPurgeIT {

  @Test
  void jobsPastTheirQueuesRetentionAreArchivedWithTheirFilesRemoved() {
    String tool = ToolWebapp.name();
    String queue = Jobs.queue(60, 2, 0);
    Api devel = Api.asDevelopmentUser("devel@localhost");
    long id = Jobs.run(devel, tool, "exit 0", queue);
    Jobs.awaitEnd(devel, id, Duration.ofSeconds(30));

    assertThat(devel.post("/api/v2/admin/batch/purge-jobs", null).status()).isEqualTo(403);
    JsonObject ended = Jobs.purge();

    assertThat(ended.getString("status")).isEqualTo("COMPLETED");
    assertThat(ended.getString("exitStatus"))
        .matches("archived=[1-9][0-9]* deleted=[0-9]+ discarded=[0-9]+");
    assertThat(Jobs.get(devel, id).getString("state")).isEqualTo("ARCHIVED");
    assertThat(devel.fetch("/datastore/" + id + "/allgo.log").statusCode()).isEqualTo(410);
    assertThat(devel.get("/api/v2/jobs/" + id + "/files").status()).isEqualTo(410);
  }
}
