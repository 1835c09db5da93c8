package org.allgo.accounts.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.allgo.accounts.boundary.AccountService;
import org.allgo.accounts.entity.AccountView;
import org.allgo.api.Callers;
import org.allgo.platform.BusinessException;

/** Account administration for superusers (protected: API token of a superuser). */
@Path("v2/admin/users")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class AdminUsersResource {

  @Inject AccountService accounts;

  @Context SecurityContext security;

  /** Locks or reactivates an account. */
  @PUT
  @Path("{id: [0-9]{1,18}}/state")
  public AccountView changeState(@PathParam("id") long id, Payloads.State body) {
    Callers.email(security);
    if (!security.isUserInRole("superuser")) {
      throw new BusinessException(
          BusinessException.Kind.FORBIDDEN, "superuser-only", "Only administrators may do this.");
    }
    return accounts.changeState(id, Payloads.required(body).state());
  }
}
