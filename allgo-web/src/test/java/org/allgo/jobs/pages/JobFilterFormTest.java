package org.allgo.jobs.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.allgo.jobs.entity.JobFilter;
import org.allgo.jobs.entity.JobState;
import org.junit.jupiter.api.Test;

class JobFilterFormTest {

  @Test
  void addressBecomesTheFilter() {
    JobFilterForm form = new JobFilterForm();
    form.setState(" Running ");
    form.setWebapp(" sleep ");
    form.setOwner("ada");
    form.setFrom(LocalDate.of(2026, 1, 2));

    JobFilter everyone = form.filter(true);
    assertThat(everyone)
        .isEqualTo(new JobFilter(JobState.RUNNING, "sleep", "ada", LocalDate.of(2026, 1, 2), null));
    assertThat(form.filter(false).owner()).as("only superusers filter by user").isNull();
  }

  @Test
  void unknownOrHiddenStatesDoNotFilter() {
    JobFilterForm form = new JobFilterForm();
    form.setState("deleted");
    assertThat(form.filter(false).state()).isNull();
    form.setState("nonsense");
    assertThat(form.filter(false).state()).isNull();
    form.setWebapp("  ");
    assertThat(form.filter(false).webapp()).isNull();
    assertThat(form.getStates()).containsExactly("waiting", "running", "done", "archived");
  }
}
