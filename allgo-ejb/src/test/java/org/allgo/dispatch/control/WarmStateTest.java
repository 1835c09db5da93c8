package org.allgo.dispatch.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WarmStateTest {

  private static final Instant T = Instant.parse("2026-12-05T08:00:00Z");
  private static final WarmKind SMALL = new WarmKind("r/allgo/t/a@sha256:1", 100, 1000, false, "a");
  private static final WarmKind BIG = new WarmKind("r/allgo/t/b@sha256:2", 1000, 1000, false, "b");

  private final WarmState state = new WarmState();

  @Test
  void aKindNeverUsedWantsNoContainer() {
    assertThat(state.reserve(SMALL, 8, 4096)).isFalse();
  }

  @Test
  void eachMissMakesTheKindWantOneMoreUpToTheSetting() {
    for (int i = 0; i < 5; i++) {
      assertThat(state.take(SMALL, T, 3)).isEmpty();
    }
    int reserved = 0;
    while (state.reserve(SMALL, 8, 4096)) {
      reserved++;
    }
    assertThat(reserved).isEqualTo(3);
    assertThat(state.view().get(0).starting()).isEqualTo(3);
  }

  @Test
  void aReadySlotServesOneJobOnly() {
    state.take(SMALL, T, 4);
    assertThat(state.reserve(SMALL, 8, 4096)).isTrue();
    WarmSlot slot = new WarmSlot("00000000000000aa", "c1", SMALL, T);
    state.ready(slot);
    assertThat(state.take(SMALL, T, 4)).contains(slot);
    assertThat(state.take(SMALL, T, 4)).isEmpty();
  }

  @Test
  void aTakenSlotIsBusyUntilReleased() {
    state.take(SMALL, T, 4);
    state.reserve(SMALL, 8, 4096);
    state.ready(new WarmSlot("00000000000000aa", "c1", SMALL, T));
    state.take(SMALL, T, 4);
    assertThat(state.view().get(0).busy()).isEqualTo(1);
    assertThat(state.released("00000000000000aa")).as("the kind to refill").contains(SMALL);
    assertThat(state.view().get(0).busy()).isZero();
    assertThat(state.released("00000000000000aa")).as("released once only").isEmpty();
  }

  @Test
  void aVersionMadeReadyWantsOneContainer() {
    state.want(SMALL, T);
    assertThat(state.reserve(SMALL, 8, 4096)).isTrue();
    assertThat(state.reserve(SMALL, 8, 4096)).isFalse();
  }

  @Test
  void theCapOfContainersAndMemoryHoldsForAllKindsTogether() {
    for (int i = 0; i < 4; i++) {
      state.take(SMALL, T, 4);
      state.take(BIG, T, 4);
    }
    assertThat(state.reserve(BIG, 8, 2500)).isTrue();
    assertThat(state.reserve(BIG, 8, 2500)).isTrue();
    assertThat(state.reserve(BIG, 8, 2500)).as("a third would pass 2500 MiB").isFalse();
    assertThat(state.reserve(SMALL, 3, 2500)).isTrue();
    assertThat(state.reserve(SMALL, 3, 2500)).as("four containers would pass 3").isFalse();
  }

  @Test
  void aKindIdleSinceTheCutoffGivesBackItsSlots() {
    state.take(SMALL, T, 4);
    state.take(BIG, T.plusSeconds(600), 4);
    state.reserve(SMALL, 8, 4096);
    state.ready(new WarmSlot("00000000000000aa", "c1", SMALL, T));
    state.reserve(BIG, 8, 4096);
    state.ready(new WarmSlot("00000000000000bb", "c2", BIG, T));
    assertThat(state.idle(T.plusSeconds(300)))
        .extracting(WarmSlot::containerId)
        .containsExactly("c1");
    assertThat(state.view()).extracting(v -> v.kind().webapp()).containsExactly("b");
    assertThat(state.reserve(SMALL, 8, 4096)).as("wants none until used again").isFalse();
  }

  @Test
  void aDeadContainerLeavesThePool() {
    state.take(SMALL, T, 4);
    state.reserve(SMALL, 8, 4096);
    state.ready(new WarmSlot("00000000000000aa", "c1", SMALL, T));
    assertThat(state.remove("c1")).isPresent();
    assertThat(state.remove("c1")).isEmpty();
    assertThat(state.take(SMALL, T, 4)).isEmpty();
  }
}
