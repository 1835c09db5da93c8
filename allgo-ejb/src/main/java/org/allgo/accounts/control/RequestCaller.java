package org.allgo.accounts.control;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.allgo.accounts.entity.Caller;

/**
 * Who the current request authenticated as, set by the authentication mechanism: the services,
 * which name their caller by e-mail, find that user by id (from the persistence cache) instead of
 * querying by e-mail again.
 */
@RequestScoped
public class RequestCaller {

  private Caller caller;

  public void set(Caller caller) {
    this.caller = caller;
  }

  public Optional<Caller> current() {
    return Optional.ofNullable(caller);
  }

  /** The id of the request's caller, if {@code email} is theirs. */
  public Optional<Long> idOf(String email) {
    Caller known = caller;
    return known != null && known.email().equalsIgnoreCase(email)
        ? Optional.of(known.id())
        : Optional.empty();
  }
}
