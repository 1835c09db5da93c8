package org.allgo.webapps.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.allgo.accounts.control.UserStore;
import org.allgo.accounts.entity.User;
import org.allgo.platform.BusinessException;
import org.allgo.webapps.entity.Webapp;

/** Who may see and change a webapp, decided on the server for every call. */
@Dependent
public class Access {

  @Inject UserStore users;

  @Inject WebappStore webapps;

  /** The caller's account, or null for an anonymous caller. */
  public User caller(String email) {
    return email == null ? null : users.findByEmail(email).orElse(null);
  }

  /** The webapp if the caller may see it; a private one is "not found" to others. */
  public Webapp visible(String email, String dockerName) {
    Webapp webapp = webapps.getByDockerName(dockerName);
    if (!webapp.isVisibleTo(caller(email))) {
      throw BusinessException.notFound(
          "webapp-not-found", "There is no webapp named " + dockerName + ".");
    }
    return webapp;
  }

  /** The webapp if the caller may change it: its owner or a superuser. */
  public Webapp managed(String email, String dockerName) {
    if (email == null) {
      throw new BusinessException(
          BusinessException.Kind.UNAUTHORIZED,
          "sign-in",
          "Sign in (or send your API token) to change a webapp.");
    }
    Webapp webapp = visible(email, dockerName);
    if (!webapp.isManagedBy(caller(email))) {
      throw new BusinessException(
          BusinessException.Kind.FORBIDDEN,
          "not-your-webapp",
          "Only the owner of " + dockerName + " and superusers may do this.");
    }
    return webapp;
  }
}
