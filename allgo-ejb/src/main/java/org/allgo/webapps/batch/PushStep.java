package org.allgo.webapps.batch;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.allgo.connector.api.ImageRef;
import org.allgo.webapps.control.Sandboxes;
import org.allgo.webapps.entity.WebappVersion;

/** Pushes the version's image to the environment's registry namespace; records what was pushed. */
@Named("pushStep")
@Dependent
public class PushStep extends VersionStep {

  @Inject Sandboxes sandboxes;

  @Override
  void run(WebappVersion version, ImageRef image) {
    transitions.versionPushed(version.id(), sandboxes.push(image));
  }
}
