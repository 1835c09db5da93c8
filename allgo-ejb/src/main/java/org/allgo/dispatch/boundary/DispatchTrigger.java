package org.allgo.dispatch.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.allgo.jobs.entity.JobQueued;

/** Wakes the dispatcher once a queued job is committed, so that it need not wait for the timer. */
@ApplicationScoped
public class DispatchTrigger {

  @EJB Dispatcher dispatcher;

  void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobQueued queued) {
    dispatcher.wake();
  }
}
