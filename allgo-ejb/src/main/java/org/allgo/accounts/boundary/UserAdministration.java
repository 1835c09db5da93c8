package org.allgo.accounts.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.allgo.accounts.control.Callers;
import org.allgo.accounts.control.UserStore;
import org.allgo.accounts.entity.AccountState;
import org.allgo.accounts.entity.AccountView;
import org.allgo.accounts.entity.Role;
import org.allgo.accounts.entity.User;
import org.allgo.platform.BusinessException;

/**
 * Superusers find accounts, activate or lock them, and promote users to superusers (or back), from
 * the admin page and the API alike. An administrator cannot lock or demote their own account:
 * someone must stay able to undo it.
 */
@Stateless
@RolesAllowed(Role.SUPERUSER_ROLE)
public class UserAdministration {

  @Inject Callers callers;

  @Inject UserStore users;

  public List<AccountView> search(String text) {
    return users.search(text).stream().map(User::view).toList();
  }

  /** Activates or locks an account. */
  public AccountView changeState(long userId, AccountState state) {
    if (state == null || state == AccountState.UNCONFIRMED) {
      throw BusinessException.invalid("state-invalid", "An account can be made ACTIVE or LOCKED.");
    }
    User user = other(userId, "lock or activate");
    user.changeState(state);
    return user.view();
  }

  /** Makes a user a superuser, or a superuser an ordinary user again. */
  public AccountView changeRole(long userId, Role role) {
    if (role == null) {
      throw BusinessException.invalid("role-invalid", "A role is USER or SUPERUSER.");
    }
    User user = other(userId, "change the role of");
    user.changeRole(role);
    return user.view();
  }

  private User other(long userId, String what) {
    User caller = callers.require("Sign in as an administrator.");
    if (caller.id() == userId) {
      throw BusinessException.conflict(
          "own-account", "You cannot " + what + " your own account: ask another administrator.");
    }
    return users.getById(userId);
  }
}
