package org.allgo.accounts.control;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Optional;
import org.allgo.accounts.entity.User;
import org.allgo.platform.BusinessException;

/**
 * The services' one way to know who calls: the account of the request's caller, read by id (from
 * the persistence cache), as long as it is active. What a caller may do with something owned is
 * {@link User#mayActFor}; superuser-only services say so with {@code @RolesAllowed}.
 */
@Dependent
public class Callers {

  @Inject CurrentCaller current;

  @Inject UserStore users;

  /** The caller's active account; empty for an anonymous caller or outside any request. */
  public Optional<User> find() {
    try {
      return current.find().flatMap(c -> users.findById(c.id())).filter(User::isActive);
    } catch (ContextNotActiveException e) {
      return Optional.empty();
    }
  }

  /** The caller's active account; an anonymous caller is refused with 401 and this sentence. */
  public User require(String message) {
    return find()
        .orElseThrow(
            () -> new BusinessException(BusinessException.Kind.UNAUTHORIZED, "sign-in", message));
  }
}
