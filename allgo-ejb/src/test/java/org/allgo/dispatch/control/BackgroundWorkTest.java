package org.allgo.dispatch.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundWorkTest {

  private final BackgroundWork work = new BackgroundWork();

  @Test
  void onceClosedNoWorkBeginsButWorkDecidedBeforeIsCarriedOn() {
    assertThat(work.begin()).isTrue();
    work.end();

    assertThat(work.close(Duration.ZERO)).isTrue();

    assertThat(work.begin()).isFalse();
    work.carryOn();
    assertThat(work.running()).isEqualTo(1);
    work.end();
    assertThat(work.running()).isZero();
  }

  @Test
  void closingWaitsForTheWorkUnderWay() throws Exception {
    assertThat(work.begin()).isTrue();

    CompletableFuture<Boolean> closed =
        CompletableFuture.supplyAsync(() -> work.close(Duration.ofSeconds(30)));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              boolean began = work.begin();
              if (began) {
                work.end();
              }
              return !began;
            });
    assertThat(closed).isNotDone();
    work.end();

    assertThat(closed.get(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void closingGivesUpAfterItsPatience() {
    assertThat(work.begin()).isTrue();

    assertThat(work.close(Duration.ofMillis(50))).isFalse();
    assertThat(work.running()).isEqualTo(1);
  }
}
