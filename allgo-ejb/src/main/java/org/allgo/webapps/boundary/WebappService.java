package org.allgo.webapps.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.allgo.accounts.control.Callers;
import org.allgo.accounts.entity.Role;
import org.allgo.accounts.entity.User;
import org.allgo.connector.api.ImageRef;
import org.allgo.platform.BusinessException;
import org.allgo.platform.control.FileTrees;
import org.allgo.queues.control.QueueStore;
import org.allgo.queues.entity.JobQueue;
import org.allgo.webapps.control.Access;
import org.allgo.webapps.control.RegistryClient;
import org.allgo.webapps.control.Sandboxes;
import org.allgo.webapps.control.WebappJobs;
import org.allgo.webapps.control.WebappRules;
import org.allgo.webapps.control.WebappSettings;
import org.allgo.webapps.control.WebappStore;
import org.allgo.webapps.entity.SandboxView;
import org.allgo.webapps.entity.Visibility;
import org.allgo.webapps.entity.Webapp;
import org.allgo.webapps.entity.WebappDraft;
import org.allgo.webapps.entity.WebappVersion;
import org.allgo.webapps.entity.WebappView;

/**
 * Creating, editing, listing and showing webapps, for the request's caller (anonymous callers see
 * public webapps).
 */
@Stateless
public class WebappService {

  static final int DEFAULT_MEMORY_MB = 512;
  static final int MAX_TEXT = 20_000;

  @Inject WebappStore webapps;

  @Inject QueueStore queues;

  @Inject Access access;

  @Inject Callers callers;

  @Inject WebappSettings settings;

  @Inject Sandboxes sandboxes;

  @Inject RegistryClient registry;

  @Inject WebappJobs jobs;

  public WebappView create(WebappDraft draft) {
    User owner = callers.require("Sign in to publish a webapp.");
    String dockerName = WebappRules.dockerName(draft.dockerName());
    if (webapps.findByDockerName(dockerName).isPresent()) {
      throw BusinessException.conflict(
          "docker-name-taken", "The docker name " + dockerName + " is taken.");
    }
    Webapp webapp =
        new Webapp(
            WebappRules.name(draft.name()),
            dockerName,
            owner,
            WebappRules.entrypoint(
                draft.entrypoint() == null ? "/usr/local/bin/" + dockerName : draft.entrypoint()),
            WebappRules.memoryMb(draft.memoryMb() == null ? DEFAULT_MEMORY_MB : draft.memoryMb()),
            Instant.now());
    webapp.changeDefaultQueue(queues.defaultQueue().orElse(null));
    apply(webapp, draft);
    return view(webapps.add(webapp), owner);
  }

  public WebappView update(String dockerName, WebappDraft draft) {
    Webapp webapp = access.managed(dockerName);
    if (draft.dockerName() != null && !draft.dockerName().equals(dockerName)) {
      throw BusinessException.invalid(
          "docker-name-fixed",
          "The docker name cannot change: it names the sandbox, the images and the SSH login.");
    }
    if (draft.name() != null) {
      webapp.rename(WebappRules.name(draft.name()));
    }
    if (draft.entrypoint() != null) {
      webapp.changeProgram(WebappRules.entrypoint(draft.entrypoint()), webapp.inputPatterns());
    }
    if (draft.memoryMb() != null) {
      webapp.changeLimits(WebappRules.memoryMb(draft.memoryMb()));
    }
    apply(webapp, draft);
    return view(webapp, access.caller().orElse(null));
  }

  private void apply(Webapp webapp, WebappDraft draft) {
    webapp.describe(
        draft.description() == null
            ? webapp.description()
            : WebappRules.text(draft.description(), "description", MAX_TEXT),
        draft.documentation() == null
            ? webapp.documentation()
            : WebappRules.text(draft.documentation(), "documentation", MAX_TEXT));
    if (draft.contactEmail() != null) {
      webapp.changeContact(WebappRules.contactEmail(draft.contactEmail()));
    }
    if (draft.visibility() != null) {
      webapp.changeVisibility(draft.visibility());
    }
    if (draft.inputPatterns() != null) {
      webapp.changeProgram(webapp.entrypoint(), WebappRules.inputPatterns(draft.inputPatterns()));
    }
    if (draft.defaultQueue() != null) {
      webapp.changeDefaultQueue(queue(draft.defaultQueue()));
    }
  }

  private JobQueue queue(String name) {
    return queues
        .find(name)
        .orElseThrow(
            () ->
                BusinessException.invalid(
                    "unknown-queue", "There is no job queue named " + name + "."));
  }

  /**
   * Deletes the webapp, its sandbox, and its versions' images from the registry and the engine;
   * refused while jobs wait or run on it. Ended jobs keep their records and files.
   */
  public void delete(String dockerName) {
    Webapp webapp = access.managed(dockerName);
    if (jobs.activeJobs(webapp) > 0) {
      throw BusinessException.conflict(
          "webapp-has-jobs",
          dockerName
              + " has jobs waiting or running: wait for them to end, or abort them, then delete it.");
    }
    sandboxes.stop(webapp);
    for (WebappVersion version : webapps.versions(webapp)) {
      ImageRef tagged = ImageRef.parse(version.image());
      // A version whose tag a later commit moved is held under its digest only.
      ImageRef pushed = ImageRef.parse(version.runnableImage());
      registry.delete(pushed);
      registry.delete(tagged);
      sandboxes.removeImage(tagged);
      sandboxes.removeImage(pushed);
    }
    webapps.remove(webapp);
    FileTrees.delete(settings.testFiles(dockerName));
  }

  public WebappView get(String dockerName) {
    return view(access.visible(dockerName), access.caller().orElse(null));
  }

  public List<WebappView> list() {
    User caller = access.caller().orElse(null);
    return webapps.visibleTo(caller).stream().map(w -> view(w, caller)).toList();
  }

  /**
   * The catalog: public webapps that can run, i.e. that have a READY version. A webapp without one
   * is never listed, whatever its visibility.
   */
  public List<WebappView> catalog() {
    User caller = access.caller().orElse(null);
    Set<Long> runnable = webapps.withReadyVersion();
    return webapps.visibleTo(caller).stream()
        .filter(w -> w.visibility() == Visibility.PUBLIC && runnable.contains(w.id()))
        .map(w -> view(w, caller))
        .toList();
  }

  /** Only superusers may let a webapp's jobs and sandbox reach the network. */
  @RolesAllowed(Role.SUPERUSER_ROLE)
  public WebappView allowNetwork(String dockerName, boolean allowed) {
    Webapp webapp = webapps.getByDockerName(dockerName);
    webapp.allowNetwork(allowed);
    return view(webapp, access.caller().orElse(null));
  }

  /** The webapp as {@code caller} may see it: the sandbox only for those who manage it. */
  WebappView view(Webapp webapp, User caller) {
    Optional<WebappVersion> version = webapps.defaultVersion(webapp);
    boolean manager = webapp.isManagedBy(caller);
    SandboxView sandbox =
        !manager
            ? null
            : new SandboxView(
                webapp.sandboxState(),
                webapp.sandboxReason(),
                webapp.sandboxImage(),
                webapp.sandboxStartedAt(),
                settings.sandboxName(webapp.dockerName()),
                settings.sshCommand(webapp.dockerName()));
    return new WebappView(
        webapp.id(),
        webapp.name(),
        webapp.dockerName(),
        webapp.description(),
        webapp.documentation(),
        webapp.contactEmail(),
        webapp.owner().name(),
        manager ? webapp.owner().email() : null,
        webapp.visibility(),
        webapp.defaultQueue() == null ? null : webapp.defaultQueue().name(),
        webapp.memoryMb(),
        webapp.entrypoint(),
        webapp.inputPatterns(),
        webapp.networkAllowed(),
        version.map(WebappVersion::number).orElse(null),
        webapp.createdAt(),
        sandbox);
  }
}
