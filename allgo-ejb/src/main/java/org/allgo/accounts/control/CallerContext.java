package org.allgo.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.allgo.accounts.entity.Caller;

/**
 * Work done for a caller outside their HTTP request (a task of an executor following what the
 * request started), in a request context of its own where {@link RequestCaller} names them.
 */
@ApplicationScoped
public class CallerContext {

  @Inject RequestCaller requestCaller;

  @ActivateRequestContext
  public void run(Caller caller, Runnable work) {
    requestCaller.set(caller);
    try {
      work.run();
    } finally {
      requestCaller.set(null);
    }
  }
}
