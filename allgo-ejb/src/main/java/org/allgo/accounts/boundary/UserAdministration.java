package org.allgo.accounts.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.allgo.accounts.entity.AccountState;
import org.allgo.accounts.entity.AccountView;
import org.allgo.accounts.entity.Role;
import org.allgo.accounts.entity.User;
import org.allgo.admin.control.AdminStore;
import org.allgo.admin.control.Superusers;
import org.allgo.platform.BusinessException;

/**
 * Superusers find accounts, activate or lock them, and promote users to superusers (or back). An
 * administrator cannot lock or demote their own account: someone must stay able to undo it.
 */
@Stateless
public class UserAdministration {

  @Inject Superusers superusers;

  @Inject AdminStore store;

  @Inject AccountService accounts;

  public List<AccountView> search(String email, String text) {
    superusers.require(email);
    return store.searchUsers(text).stream().map(User::view).toList();
  }

  public AccountView changeState(String email, long userId, AccountState state) {
    notSelf(superusers.require(email), userId, "lock or activate");
    return accounts.changeState(userId, state);
  }

  public AccountView changeRole(String email, long userId, Role role) {
    notSelf(superusers.require(email), userId, "change the role of");
    return accounts.changeRole(userId, role);
  }

  private static void notSelf(User caller, long userId, String what) {
    if (caller.id() == userId) {
      throw BusinessException.conflict(
          "own-account", "You cannot " + what + " your own account: ask another administrator.");
    }
  }
}
