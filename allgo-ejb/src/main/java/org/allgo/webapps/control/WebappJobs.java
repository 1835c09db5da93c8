package org.allgo.webapps.control;

import org.allgo.webapps.entity.Webapp;

/**
 * What webapps need to know of their jobs, told by the jobs feature (which depends on webapps, not
 * the other way round).
 */
public interface WebappJobs {

  /** Jobs of the webapp that are being submitted, wait or run. */
  long activeJobs(Webapp webapp);
}
