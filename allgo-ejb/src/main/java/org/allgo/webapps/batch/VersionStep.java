package org.allgo.webapps.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import org.allgo.connector.api.ImageRef;
import org.allgo.webapps.control.WebappTransitions;
import org.allgo.webapps.entity.WebappVersion;

/**
 * A step of the commit job on one version. A failure marks the version ERROR with the reason, which
 * also becomes the job's exit status, so that the batch monitoring page shows it.
 */
abstract class VersionStep extends AbstractBatchlet {

  private static final System.Logger LOG = System.getLogger(VersionStep.class.getName());

  @Inject @BatchProperty String versionId;

  @Inject JobContext job;

  @Inject WebappTransitions transitions;

  @Override
  public String process() {
    long id = Long.parseLong(versionId);
    WebappVersion version = transitions.version(id);
    if (!version.state().committing()) {
      // Ended meanwhile, its server taken for gone (CommitRecovery): the version stays as it is.
      job.setExitStatus("ended: " + version.errorReason());
      throw new IllegalStateException("Version " + id + " is no longer being committed");
    }
    try {
      run(version, ImageRef.parse(version.image()));
      return BatchStatus.COMPLETED.name();
    } catch (RuntimeException e) {
      String reason =
          getClass().getSimpleName().replace("Step", "").toLowerCase()
              + " failed: "
              + e.getMessage();
      LOG.log(
          Level.WARNING,
          "Version {0} of {1}: {2}",
          version.number(),
          version.webapp().dockerName(),
          reason);
      transitions.versionFailed(id, reason);
      job.setExitStatus(reason);
      throw e;
    }
  }

  abstract void run(WebappVersion version, ImageRef image);
}
