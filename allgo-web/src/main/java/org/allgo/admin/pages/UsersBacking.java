package org.allgo.admin.pages;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.allgo.accounts.boundary.UserAdministration;
import org.allgo.accounts.entity.AccountState;
import org.allgo.accounts.entity.AccountView;
import org.allgo.accounts.entity.Role;
import org.allgo.pages.Pages;

/** {@code /admin/users?q=}: find accounts; activate, lock, promote or demote them. */
@Named
@ViewScoped
public class UsersBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject UserAdministration users;

  private String q;
  private List<AccountView> found;

  public List<AccountView> getUsers() {
    if (found == null) {
      found = users.search(q);
    }
    return found;
  }

  public void changeState(long id, AccountState state) {
    AccountView[] changed = new AccountView[1];
    if (Pages.attempt(() -> changed[0] = users.changeState(id, state))) {
      Pages.info(changed[0].email() + " is " + state.name().toLowerCase() + ".");
    }
    found = null;
  }

  public void changeRole(long id, Role role) {
    AccountView[] changed = new AccountView[1];
    if (Pages.attempt(() -> changed[0] = users.changeRole(id, role))) {
      Pages.info(
          changed[0].email()
              + (role == Role.SUPERUSER
                  ? " is an administrator now."
                  : " is an ordinary user now."));
    }
    found = null;
  }

  public boolean isSelf(AccountView account) {
    return account.email().equals(Pages.caller());
  }

  public String getQ() {
    return q;
  }

  public void setQ(String q) {
    this.q = q;
  }
}
