package org.allgo.itc;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.allgo.accounts.control.UserStore;
import org.allgo.accounts.entity.Role;

/**
 * Makes a test's superusers, as an operator makes the first one: in the database, since only a
 * superuser may promote through the services.
 */
@Stateless
public class Promotions {

  @Inject UserStore users;

  public void promote(long userId) {
    users.getById(userId).changeRole(Role.SUPERUSER);
  }
}
