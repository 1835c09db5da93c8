package org.allgo.dispatch.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.allgo.connector.api.ExitStatus;
import org.allgo.datastore.control.JobFiles;
import org.allgo.datastore.control.Storage;
import org.allgo.jobs.control.JobSettings;
import org.allgo.jobs.entity.StopRequest;

/**
 * Why the platform failed a job whose program ended, as its record and its log's footer say: its
 * log or its output over the job's limits (stopped for it or not), the data disk full, the program
 * out of memory, or what the engine tells of a program that did not run to its end.
 */
@Dependent
class EndReasons {

  static final String DISK_FULL =
      "The server's data disk was full when the job ended: its files may be incomplete, and its"
          + " log could not be kept.";

  @Inject JobFiles files;

  @Inject JobSettings settings;

  /** Why the platform failed a job whose program ended; null when it did not. */
  String failure(StopRequest stop, LiveLogCopier.Copied output, long written, ExitStatus exit) {
    if (stop == StopRequest.LOG_LIMIT || output.overLimit()) {
      return "The job printed more than the "
          + Storage.mib(settings.maxLogBytes())
          + " of output allowed: it was stopped, its log is cut there.";
    }
    if (stop == StopRequest.OUTPUT_LIMIT || written > settings.maxOutputBytes()) {
      return "The job wrote "
          + Storage.mib(written)
          + ", more than the "
          + Storage.mib(settings.maxOutputBytes())
          + " allowed"
          + (stop == StopRequest.OUTPUT_LIMIT ? ": it was stopped." : ".");
    }
    if (!files.hasSpace()) {
      return DISK_FULL;
    }
    return exit.oomKilled() ? "The program ran out of memory." : exit.failure().orElse(null);
  }
}
