package org.allgo.admin.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.allgo.accounts.control.UserStore;
import org.allgo.accounts.entity.Role;
import org.allgo.accounts.entity.User;
import org.allgo.platform.BusinessException;

/** The check every administration call makes: the caller is an active superuser. */
@Dependent
public class Superusers {

  @Inject UserStore users;

  /** The caller's account; refuses anyone else than an active superuser. */
  public User require(String email) {
    User caller = email == null ? null : users.findByEmail(email).orElse(null);
    if (caller == null || !caller.isActive() || caller.role() != Role.SUPERUSER) {
      throw new BusinessException(
          BusinessException.Kind.FORBIDDEN, "superuser-only", "Only administrators may do this.");
    }
    return caller;
  }
}
