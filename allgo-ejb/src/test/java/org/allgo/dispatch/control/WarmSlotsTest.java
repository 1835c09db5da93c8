package org.allgo.dispatch.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarmSlotsTest {

  private static final String SLOT = "0123456789abcdef";

  @TempDir Path data;

  private WarmSlots slots() throws Exception {
    Path waiter = data.resolve("ro/toolbox/libexec/allgo-waiter");
    Files.createDirectories(waiter.getParent());
    Files.writeString(waiter, "#!/bin/true\n");
    WarmSettings settings = new WarmSettings();
    settings.data = data.toString();
    WarmSlots slots = new WarmSlots();
    slots.settings = settings;
    return slots;
  }

  @Test
  void aSlotSaysTheJobItTookOnceAssigned() throws Exception {
    WarmSlots slots = slots();
    slots.create(SLOT);
    assertThat(slots.jobOf(SLOT)).isEmpty();

    slots.assign(SLOT, 42);

    assertThat(slots.jobOf(SLOT)).contains(42L);
    assertThat(slots.control(SLOT).resolve("job.new")).doesNotExist();
  }

  @Test
  void theJobOfAWarmContainerIsItsSlotsWithoutAJobLabel() throws Exception {
    WarmSlots slots = slots();
    slots.create(SLOT);
    slots.assign(SLOT, 7);
    JobContainers containers = new JobContainers();
    containers.slots = slots;

    assertThat(containers.jobOf(Map.of(JobContainers.WARM_LABEL, SLOT))).contains(7L);
    assertThat(containers.jobOf(Map.of(JobContainers.JOB_LABEL, "9"))).contains(9L);
    assertThat(containers.jobOf(Map.of(JobContainers.WARM_LABEL, "fedcba9876543210"))).isEmpty();
    // Not a slot's name: nothing is read outside the slots' folder.
    assertThat(slots.jobOf("../../etc")).isEmpty();
  }
}
