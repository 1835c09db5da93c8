package org.allgo.accounts.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.util.Optional;
import org.allgo.accounts.control.CurrentCaller;
import org.allgo.accounts.entity.Caller;

/**
 * The caller of the current request, for whoever authenticates requests: the container's
 * authentication mechanism names the caller once per request, and services read it from there,
 * never from an argument. Work done for a caller outside their request (an event stream's looks on
 * a managed thread, the development data) runs in a request context of its own naming them.
 */
@ApplicationScoped
public class CallerScope {

  @Inject CurrentCaller current;

  /** The request was authenticated as {@code caller}. */
  public void enter(Caller caller) {
    current.set(caller);
  }

  /** Who the request was authenticated as; empty for an anonymous request. */
  public Optional<Caller> current() {
    return current.find();
  }

  /** Runs {@code work} for {@code caller}, in a request context of its own. */
  @ActivateRequestContext
  public void run(Caller caller, Runnable work) {
    Optional<Caller> before = current.find();
    current.set(caller);
    try {
      work.run();
    } finally {
      current.set(before.orElse(null));
    }
  }
}
