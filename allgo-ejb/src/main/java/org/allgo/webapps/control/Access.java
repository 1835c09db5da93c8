package org.allgo.webapps.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Optional;
import org.allgo.accounts.control.Callers;
import org.allgo.accounts.entity.User;
import org.allgo.platform.BusinessException;
import org.allgo.webapps.entity.Webapp;

/** Who may see and change a webapp, decided on the server for every call. */
@Dependent
public class Access {

  @Inject Callers callers;

  @Inject WebappStore webapps;

  /** The caller's account; empty for an anonymous caller. */
  public Optional<User> caller() {
    return callers.find();
  }

  /** The webapp if the caller may see it; a private one is "not found" to others. */
  public Webapp visible(String dockerName) {
    Webapp webapp = webapps.getByDockerName(dockerName);
    if (!maySee(webapp)) {
      throw BusinessException.notFound(
          "webapp-not-found", "There is no webapp named " + dockerName + ".");
    }
    return webapp;
  }

  /**
   * The docker name of a webapp named by its docker name or, as the original clients may, by its
   * numeric id (one the caller may see).
   */
  public String dockerName(String idOrName) {
    if (idOrName != null && idOrName.matches("\\d{1,18}")) {
      return webapps
          .findById(Long.parseLong(idOrName))
          .filter(this::maySee)
          .map(Webapp::dockerName)
          .orElseThrow(
              () ->
                  BusinessException.notFound(
                      "webapp-not-found", "There is no webapp " + idOrName + "."));
    }
    return idOrName;
  }

  /** Its managers, and everyone once it is public with a READY version. */
  private boolean maySee(Webapp webapp) {
    User caller = caller().orElse(null);
    return webapp.isManagedBy(caller)
        || webapp.isVisibleTo(caller, webapps.hasReadyVersion(webapp));
  }

  /** The webapp if the caller may change it: its owner or a superuser. */
  public Webapp managed(String dockerName) {
    User caller = callers.require("Sign in (or send your API token) to change a webapp.");
    Webapp webapp = visible(dockerName);
    if (!webapp.isManagedBy(caller)) {
      throw new BusinessException(
          BusinessException.Kind.FORBIDDEN,
          "not-your-webapp",
          "Only the owner of " + dockerName + " and superusers may do this.");
    }
    return webapp;
  }
}
