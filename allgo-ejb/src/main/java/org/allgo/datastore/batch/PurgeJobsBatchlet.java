package org.allgo.datastore.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.lang.System.Logger.Level;
import java.time.Instant;
import org.allgo.datastore.control.JobFiles;
import org.allgo.datastore.control.JobPurge;

/**
 * The step of {@code purge-jobs}: archives the jobs older than their queue's retention (files
 * removed, record kept), removes the files of DELETED jobs and of broken-off submissions. Its exit
 * status reports the counts, as in {@code archived=3 deleted=1 discarded=0}.
 */
@Named("purgeJobs")
@Dependent
public class PurgeJobsBatchlet extends AbstractBatchlet {

  private static final System.Logger LOG = System.getLogger(PurgeJobsBatchlet.class.getName());

  @Inject JobPurge purge;

  @Inject JobFiles files;

  @Inject JobContext job;

  @Override
  public String process() {
    Instant now = Instant.now();
    int archived = 0;
    for (long id : purge.expired(now)) {
      files.delete(id);
      if (purge.archive(id)) {
        archived++;
      }
    }
    int deleted = 0;
    for (long id : purge.deleted()) {
      if (files.delete(id)) {
        deleted++;
      }
    }
    int discarded = 0;
    for (long id : purge.discardStale(now)) {
      files.delete(id);
      discarded++;
    }
    String status = "archived=" + archived + " deleted=" + deleted + " discarded=" + discarded;
    LOG.log(Level.INFO, "Jobs purged: {0}", status);
    job.setExitStatus(status);
    return status;
  }
}
