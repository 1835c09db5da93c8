package org.allgo.jobs.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatastoreTest {

  @Test
  void aRangePositionTooLargeForALongIsPastEveryFilesEnd() {
    assertThat(Datastore.position("99999999999999999999")).isEqualTo(Long.MAX_VALUE);
    assertThat(Datastore.position("1024")).isEqualTo(1024);
  }
}
