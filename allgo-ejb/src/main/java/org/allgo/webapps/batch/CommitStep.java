package org.allgo.webapps.batch;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import org.allgo.connector.api.ImageRef;
import org.allgo.webapps.control.Sandboxes;
import org.allgo.webapps.entity.WebappVersion;

/** Commits the running sandbox as the version's image. */
@Named("commitStep")
@Dependent
public class CommitStep extends VersionStep {

  @Inject Sandboxes sandboxes;

  @Override
  void run(WebappVersion version, ImageRef image) {
    sandboxes.commit(
        version.webapp(),
        image,
        Map.of("allgo.webapp", version.webapp().dockerName(), "allgo.version", version.number()));
    transitions.versionCommitted(version.id());
  }
}
