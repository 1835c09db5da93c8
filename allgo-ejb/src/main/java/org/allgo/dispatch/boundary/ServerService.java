package org.allgo.dispatch.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.allgo.accounts.entity.Role;
import org.allgo.dispatch.control.ServerLeases;
import org.allgo.dispatch.entity.AppServer;

/**
 * The application servers sharing the database, as superusers see them: each one's lease (started,
 * last seen, alive or gone) and the running jobs it follows.
 */
@Stateless
@RolesAllowed(Role.SUPERUSER_ROLE)
public class ServerService {

  @Inject ServerLeases leases;

  public List<AppServer> list() {
    return leases.servers();
  }
}
