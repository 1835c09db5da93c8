package org.allgo.accounts.control;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.allgo.accounts.entity.Caller;

/**
 * Who the current request authenticated as: named once by the container's authentication mechanism
 * (through {@code CallerScope}), or by {@code CallerScope.run} for work done for a caller outside
 * their request. Empty for anonymous requests; timers, message-driven beans and batch steps have no
 * caller and call control classes instead of services.
 */
@RequestScoped
public class CurrentCaller {

  private Caller caller;

  public void set(Caller caller) {
    this.caller = caller;
  }

  public Optional<Caller> find() {
    return Optional.ofNullable(caller);
  }
}
