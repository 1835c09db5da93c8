package org.allgo.queues.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.allgo.platform.BusinessException;
import org.junit.jupiter.api.Test;

class QueueRulesTest {

  private static String refusal(Runnable check) {
    return assertThrows(BusinessException.class, check::run).code();
  }

  @Test
  void namesAreTrimmedAndLowerCaseWords() {
    assertThat(QueueRules.name(" long-jobs ")).isEqualTo("long-jobs");
    assertThat(QueueRules.name("q_1")).isEqualTo("q_1");
    assertThat(refusal(() -> QueueRules.name("Long"))).isEqualTo("invalid-queue-name");
    assertThat(refusal(() -> QueueRules.name("-dash"))).isEqualTo("invalid-queue-name");
    assertThat(refusal(() -> QueueRules.name(null))).isEqualTo("invalid-queue-name");
    assertThat(refusal(() -> QueueRules.name("a".repeat(65)))).isEqualTo("invalid-queue-name");
  }

  @Test
  void descriptionsArePrintableAndShort() {
    assertThat(QueueRules.description(null)).isEmpty();
    assertThat(QueueRules.description("  Short jobs ")).isEqualTo("Short jobs");
    assertThat(refusal(() -> QueueRules.description("a\u0007b"))).isEqualTo("invalid-description");
    assertThat(refusal(() -> QueueRules.description("x".repeat(256))))
        .isEqualTo("invalid-description");
  }

  @Test
  void timeoutsRunFromOneSecondToSevenDays() {
    assertThat(QueueRules.timeout(1)).isEqualTo(1);
    assertThat(QueueRules.timeout(7 * 24 * 3600)).isEqualTo(7 * 24 * 3600);
    assertThat(refusal(() -> QueueRules.timeout(0))).isEqualTo("invalid-timeoutSeconds");
    assertThat(refusal(() -> QueueRules.timeout(7 * 24 * 3600 + 1)))
        .isEqualTo("invalid-timeoutSeconds");
  }

  @Test
  void cpuSharesRunFromTenThousandthsTo256Cpus() {
    assertThat(QueueRules.cpu(10)).isEqualTo(10);
    assertThat(QueueRules.cpu(256_000)).isEqualTo(256_000);
    assertThat(refusal(() -> QueueRules.cpu(9))).isEqualTo("invalid-cpuMillis");
    assertThat(refusal(() -> QueueRules.cpu(256_001))).isEqualTo("invalid-cpuMillis");
  }

  @Test
  void aQueueRunsAtLeastOneJob() {
    assertThat(QueueRules.maxJobs(1)).isEqualTo(1);
    assertThat(QueueRules.maxJobs(10_000)).isEqualTo(10_000);
    assertThat(refusal(() -> QueueRules.maxJobs(0))).isEqualTo("invalid-maxJobs");
    assertThat(refusal(() -> QueueRules.maxJobs(10_001))).isEqualTo("invalid-maxJobs");
  }

  @Test
  void retentionRunsFromZeroToTenYears() {
    assertThat(QueueRules.retention(0)).isZero();
    assertThat(QueueRules.retention(3650)).isEqualTo(3650);
    assertThat(refusal(() -> QueueRules.retention(-1))).isEqualTo("invalid-retentionDays");
    assertThat(refusal(() -> QueueRules.retention(3651))).isEqualTo("invalid-retentionDays");
  }
}
