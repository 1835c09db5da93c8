package org.allgo.jobs.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobWatchTest {

  private final JobWatch watch = new JobWatch();

  @Test
  void followersOfTheJobHearOfItsChangesUntilTheyLeave() {
    List<String> heard = new ArrayList<>();
    JobWatch.Watch first = watch.follow(7, () -> heard.add("first"));
    watch.follow(7, () -> heard.add("second"));
    watch.follow(8, () -> heard.add("other job"));

    watch.changed(7);
    first.close();
    watch.changed(7);

    assertThat(heard).containsExactlyInAnyOrder("first", "second", "second");
  }

  @Test
  void aFailingFollowerNeitherStopsTheOthersNorReachesTheCaller() {
    List<String> heard = new ArrayList<>();
    watch.follow(
        7,
        () -> {
          throw new IllegalStateException("executor shut down");
        });
    watch.follow(7, () -> heard.add("second"));

    watch.changed(7);

    assertThat(heard).containsExactly("second");
  }

  @Test
  void aFollowerThatLeftHearsNothingMore() {
    List<String> heard = new ArrayList<>();
    JobWatch.Watch only = watch.follow(7, () -> heard.add("only"));
    only.close();
    only.close();

    watch.changed(7);
    watch.changed(9);

    assertThat(heard).isEmpty();
  }
}
