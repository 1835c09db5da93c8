package org.allgo.webapps.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.allgo.accounts.entity.User;
import org.allgo.platform.BusinessException;
import org.allgo.webapps.entity.BaseImage;
import org.allgo.webapps.entity.Webapp;
import org.allgo.webapps.entity.WebappVersion;

/** Webapps, their versions and the base images in the database; joins the caller's transaction. */
@Dependent
public class WebappStore {

  @PersistenceContext(unitName = "allgo")
  EntityManager em;

  public Optional<Webapp> findByDockerName(String dockerName) {
    return em.createNamedQuery(Webapp.BY_DOCKER_NAME, Webapp.class)
        .setParameter("name", dockerName)
        .getResultStream()
        .findFirst();
  }

  public Webapp getByDockerName(String dockerName) {
    return findByDockerName(dockerName)
        .orElseThrow(
            () ->
                BusinessException.notFound(
                    "webapp-not-found", "There is no webapp named " + dockerName + "."));
  }

  public Optional<Webapp> findById(long id) {
    return Optional.ofNullable(em.find(Webapp.class, id));
  }

  /**
   * Public webapps that have a READY version, and those {@code user} manages (all of them for
   * superusers).
   */
  public List<Webapp> visibleTo(User user) {
    if (user != null && user.isSuperuser()) {
      return em.createNamedQuery(Webapp.ALL, Webapp.class).getResultList();
    }
    return em.createNamedQuery(Webapp.PUBLIC_OR_OWNED, Webapp.class)
        .setParameter("email", user == null ? "" : user.email())
        .getResultList();
  }

  /** The ids of the webapps that have a READY version: the runnable ones. */
  public Set<Long> withReadyVersion() {
    return Set.copyOf(
        em.createNamedQuery(WebappVersion.WEBAPPS_WITH_READY, Long.class).getResultList());
  }

  /** Webapps whose sandbox has been running since before {@code before}. */
  public List<Webapp> sandboxesRunningSince(Instant before) {
    // Compared here: the Instant converter does not apply to query parameters.
    return em.createNamedQuery(Webapp.RUNNING_SANDBOXES, Webapp.class)
        .getResultStream()
        .filter(w -> w.sandboxStartedAt() != null && w.sandboxStartedAt().isBefore(before))
        .toList();
  }

  public Webapp add(Webapp webapp) {
    em.persist(webapp);
    em.flush();
    return webapp;
  }

  public void remove(Webapp webapp) {
    em.remove(webapp);
  }

  public List<WebappVersion> versions(Webapp webapp) {
    return em.createNamedQuery(WebappVersion.OF_WEBAPP, WebappVersion.class)
        .setParameter("webapp", webapp)
        .getResultList();
  }

  public List<WebappVersion> readyVersions(Webapp webapp) {
    return em.createNamedQuery(WebappVersion.READY_OF_WEBAPP, WebappVersion.class)
        .setParameter("webapp", webapp)
        .getResultList();
  }

  public boolean hasReadyVersion(Webapp webapp) {
    return !em.createNamedQuery(WebappVersion.READY_OF_WEBAPP, WebappVersion.class)
        .setParameter("webapp", webapp)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /** The version jobs run on: the pinned one, else the newest READY one. */
  public Optional<WebappVersion> defaultVersion(Webapp webapp) {
    if (webapp.pinnedVersion() != null) {
      return Optional.of(webapp.pinnedVersion());
    }
    return readyVersions(webapp).stream().findFirst();
  }

  public Optional<WebappVersion> findVersion(long id) {
    return Optional.ofNullable(em.find(WebappVersion.class, id));
  }

  public WebappVersion addVersion(WebappVersion version) {
    em.persist(version);
    em.flush();
    return version;
  }

  public List<BaseImage> baseImages() {
    return em.createNamedQuery(BaseImage.ALL, BaseImage.class).getResultList();
  }

  public Optional<BaseImage> findBaseImage(String name) {
    return baseImages().stream().filter(b -> b.name().equals(name)).findFirst();
  }

  public BaseImage addBaseImage(BaseImage image) {
    em.persist(image);
    em.flush();
    return image;
  }

  public void removeBaseImage(BaseImage image) {
    em.remove(image);
  }
}
