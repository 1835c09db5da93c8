package org.allgo.webapps.batch;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.allgo.connector.api.ImageRef;
import org.allgo.webapps.control.VersionChecks;
import org.allgo.webapps.control.VersionTests;
import org.allgo.webapps.entity.WebappVersion;

/**
 * Checks the committed image before it is pushed: its program is there and the job user may run it.
 * Then, when the webapp has one, its test job passes in that image. A version that fails ends ERROR
 * with the reason, shown on the manage page.
 */
@Named("checkStep")
@Dependent
public class CheckStep extends VersionStep {

  @Inject VersionChecks checks;

  @Inject VersionTests tests;

  @Override
  void run(WebappVersion version, ImageRef image) {
    checks
        .problem(version, image)
        .or(() -> tests.problem(version, image))
        .ifPresent(
            problem -> {
              throw new IllegalStateException(problem);
            });
  }
}
