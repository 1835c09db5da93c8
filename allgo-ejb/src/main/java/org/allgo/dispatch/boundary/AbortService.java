package org.allgo.dispatch.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.allgo.datastore.control.JobLogs;
import org.allgo.dispatch.control.JobCompletion;
import org.allgo.dispatch.control.JobTransitions;
import org.allgo.jobs.control.JobWatch;
import org.allgo.jobs.entity.JobView;

/**
 * Aborting the request's caller's job (anyone's for superusers): a waiting one ends at once, a
 * running one once its container is stopped.
 */
@Stateless
public class AbortService {

  @Inject JobTransitions transitions;

  @Inject JobCompletion completion;

  @Inject JobLogs logs;

  @Inject JobWatch watch;

  @EJB Dispatcher dispatcher;

  /** Aborts a waiting or running job; it is ABORTED when this returns, its container removed. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public JobView abort(long id) {
    if (transitions.abort(id)) {
      dispatcher.awaitStart(id);
      completion.stop(id);
      dispatcher.wake();
    } else {
      logs.deleteLiveLog(id);
      watch.changed(id);
    }
    return transitions.view(id);
  }
}
