package org.allgo.connector.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KnownContainersTest {

  @Test
  void keepsTheRecentlyUsedIdsUpToItsBound() {
    KnownContainers known = new KnownContainers();
    known.add("first");
    for (int i = 0; i < 5000; i++) {
      known.add("id-" + i);
      assertThat(known.contains("first")).as("used again, so kept").isTrue();
    }
    known.add("last");

    assertThat(known.contains("id-0")).as("least recently used, forgotten").isFalse();
    assertThat(known.contains("last")).isTrue();
    known.forget("last");
    assertThat(known.contains("last")).isFalse();
  }
}
