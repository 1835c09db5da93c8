package org.allgo.webapps.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.allgo.platform.BusinessException;
import org.allgo.platform.control.ServerName;
import org.allgo.queues.control.QueueStore;
import org.allgo.webapps.entity.SandboxState;
import org.allgo.webapps.entity.VersionReady;
import org.allgo.webapps.entity.VersionState;
import org.allgo.webapps.entity.Webapp;
import org.allgo.webapps.entity.WebappVersion;

/**
 * State changes of sandboxes and versions, each in a transaction of its own, so that what happens
 * on the Docker engine in between never runs inside a database transaction.
 */
@Stateless
public class WebappTransitions {

  private static final int MAX_REASON = 1000;

  @Inject WebappStore webapps;

  @Inject QueueStore queues;

  @Inject Event<VersionReady> readyVersions;

  @Inject ServerName server;

  public Webapp sandboxStarting(long webappId, String image) {
    Webapp webapp = webapp(webappId);
    if (webapp.sandboxState() == SandboxState.STARTING
        || webapp.sandboxState() == SandboxState.STOPPING) {
      throw BusinessException.conflict(
          "sandbox-busy",
          "The sandbox of "
              + webapp.dockerName()
              + " is "
              + webapp.sandboxState().name().toLowerCase()
              + ": try again in a moment.");
    }
    webapp.sandbox(SandboxState.STARTING, null, image, Instant.now());
    return webapp;
  }

  public void sandbox(long webappId, SandboxState state, String reason) {
    webapp(webappId).sandbox(state, reason == null ? null : clip(reason), null, Instant.now());
  }

  public void sandboxStopped(long webappId) {
    sandbox(webappId, SandboxState.IDLE, null);
  }

  /** A commit counts as activity: the sandbox's idle time starts again. */
  public void sandboxUsed(long webappId) {
    Webapp webapp = webapp(webappId);
    if (webapp.sandboxState() == SandboxState.RUNNING) {
      webapp.sandbox(SandboxState.RUNNING, null, null, Instant.now());
    }
  }

  public WebappVersion newVersion(long webappId, String number, String description, String image) {
    Webapp webapp = webapp(webappId);
    boolean busy =
        webapps.versions(webapp).stream()
            .anyMatch(
                v ->
                    v.number().equals(number)
                        && (v.state() == VersionState.SANDBOX
                            || v.state() == VersionState.COMMITTED));
    if (busy) {
      throw BusinessException.conflict(
          "commit-in-progress", "Version " + number + " is being committed already.");
    }
    return webapps.addVersion(
        new WebappVersion(webapp, number, description, image, Instant.now(), server.get()));
  }

  public WebappVersion version(long versionId) {
    WebappVersion version =
        webapps
            .findVersion(versionId)
            .orElseThrow(
                () ->
                    BusinessException.notFound(
                        "version-not-found", "There is no version " + versionId + "."));
    version.webapp().dockerName();
    return version;
  }

  public void versionStarted(long versionId, long executionId) {
    version(versionId).startedAs(executionId);
  }

  public void versionCommitted(long versionId) {
    version(versionId).committed();
  }

  public void versionPushed(long versionId, String digest) {
    version(versionId).pushed(digest);
  }

  /**
   * The version is in the registry: it becomes READY and replaces the READY one of the same number.
   */
  public void versionReady(long versionId, long size) {
    WebappVersion version = version(versionId);
    webapps.readyVersions(version.webapp()).stream()
        .filter(v -> v.number().equals(version.number()))
        .forEach(WebappVersion::replaced);
    version.ready(size);
    Webapp webapp = version.webapp();
    Optional.ofNullable(webapp.defaultQueue())
        .or(queues::defaultQueue)
        .ifPresent(
            queue ->
                readyVersions.fire(
                    new VersionReady(
                        version.runnableImage(),
                        webapp.memoryMb(),
                        queue.cpuMillis(),
                        webapp.networkAllowed(),
                        webapp.dockerName())));
  }

  public void versionFailed(long versionId, String reason) {
    version(versionId).failed(clip(reason));
  }

  private Webapp webapp(long id) {
    return webapps
        .findById(id)
        .orElseThrow(
            () -> BusinessException.notFound("webapp-not-found", "There is no webapp " + id + "."));
  }

  private static String clip(String reason) {
    return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 1) + "…";
  }
}
