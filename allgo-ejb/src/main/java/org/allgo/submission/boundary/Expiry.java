package org.allgo.submission.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import org.allgo.datastore.control.UploadFiles;
import org.allgo.platform.control.ClusterTasks;
import org.allgo.submission.control.IdempotencyKeys;
import org.allgo.submission.control.JobUploads;

/**
 * Every ten minutes: expired uploads go, records and files; idempotency keys older than a day are
 * forgotten. Upload files older than their lifetime and an hour are removed whatever their record,
 * so that a submission that broke off leaves nothing for long.
 */
@Stateless
// Bean-managed: no transaction a failed call could doom, which would end the timer (see
// Dispatcher).
@TransactionManagement(TransactionManagementType.BEAN)
public class Expiry {

  private static final System.Logger LOG = System.getLogger(Expiry.class.getName());
  private static final Duration ORPHAN_UPLOAD = JobUploads.LIFETIME.plusHours(1);

  @Inject JobUploads uploads;

  @Inject IdempotencyKeys keys;

  @Inject UploadFiles uploadFiles;

  @Inject ClusterTasks cluster;

  // A failed pass is logged and the next one tries again: a timeout that fails twice is dropped.
  @Schedule(minute = "*/10", hour = "*", persistent = false)
  void run() {
    try {
      // Once in the cluster every ten minutes, whichever server's timer fires first.
      if (!cluster.once("expiry", Duration.ofMinutes(5))) {
        return;
      }
      expire(Instant.now());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Expiring uploads and idempotency keys failed: {0}", e.toString());
    }
  }

  private void expire(Instant now) {
    int expired = 0;
    for (String id : uploads.expired(now)) {
      uploads.forget(id);
      uploadFiles.deleteUpload(id);
      expired++;
    }
    int orphans = uploadFiles.deleteUploadsOlderThan(now.minus(ORPHAN_UPLOAD));
    int forgotten = keys.forget(now);
    if (expired + orphans + forgotten > 0) {
      LOG.log(
          Level.INFO,
          "Expired: {0} uploads, {1} stray upload files, {2} idempotency keys",
          expired,
          orphans,
          forgotten);
    }
  }
}
