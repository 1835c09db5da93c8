package org.allgo.webapps.control;

import java.util.Optional;
import org.allgo.connector.api.ImageRef;
import org.allgo.webapps.entity.WebappVersion;

/**
 * The webapp's test job, run in a committed image before it is published. Declared here and run by
 * the job dispatch, which depends on webapps, not the other way.
 */
public interface VersionTests {

  /** Why the version's test job failed; empty when it passed or the webapp has none. */
  Optional<String> problem(WebappVersion version, ImageRef image);
}
