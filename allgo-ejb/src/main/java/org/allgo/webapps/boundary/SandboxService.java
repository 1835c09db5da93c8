package org.allgo.webapps.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import org.allgo.connector.api.DockerException;
import org.allgo.connector.api.ImageRef;
import org.allgo.platform.BusinessException;
import org.allgo.webapps.control.Access;
import org.allgo.webapps.control.Sandboxes;
import org.allgo.webapps.control.WebappStore;
import org.allgo.webapps.control.WebappTransitions;
import org.allgo.webapps.entity.BaseImage;
import org.allgo.webapps.entity.SandboxState;
import org.allgo.webapps.entity.VersionState;
import org.allgo.webapps.entity.Webapp;
import org.allgo.webapps.entity.WebappVersion;
import org.allgo.webapps.entity.WebappView;

/**
 * Starting, stopping and resetting a webapp's sandbox. Docker work happens outside database
 * transactions; each state change is committed on its own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SandboxService {

  static final String DEFAULT_BASE_IMAGE = "busybox";

  @Inject Access access;

  @Inject WebappStore webapps;

  @Inject WebappTransitions transitions;

  @Inject Sandboxes sandboxes;

  @Inject WebappService views;

  /**
   * Starts the sandbox from a base image (by name) or from one of the webapp's READY versions (by
   * number); with neither, from the default version if there is one, else from busybox.
   */
  public WebappView start(String dockerName, String baseImage, String version) {
    Webapp webapp = access.managed(dockerName);
    ImageRef image = image(webapp, baseImage, version);
    Webapp starting = transitions.sandboxStarting(webapp.id(), image.toString());
    try {
      sandboxes.start(starting, image);
    } catch (DockerException e) {
      transitions.sandbox(webapp.id(), SandboxState.ERROR, e.getMessage());
      throw BusinessException.conflict(
          "sandbox-failed", "The sandbox of " + dockerName + " could not start: " + e.getMessage());
    }
    transitions.sandbox(webapp.id(), SandboxState.RUNNING, null);
    return views.get(dockerName);
  }

  public WebappView stop(String dockerName) {
    Webapp webapp = access.managed(dockerName);
    transitions.sandbox(webapp.id(), SandboxState.STOPPING, null);
    try {
      sandboxes.stop(webapp);
    } catch (DockerException e) {
      transitions.sandbox(webapp.id(), SandboxState.ERROR, e.getMessage());
      throw BusinessException.conflict(
          "sandbox-failed", "The sandbox of " + dockerName + " could not stop: " + e.getMessage());
    }
    transitions.sandbox(webapp.id(), SandboxState.IDLE, null);
    return views.get(dockerName);
  }

  /**
   * What the sandbox holds of its own (what was installed in it, not the image it started from), in
   * bytes; empty when it does not run or the engine cannot tell now.
   */
  public Optional<Long> diskUse(String dockerName) {
    Webapp webapp = access.managed(dockerName);
    try {
      return sandboxes.diskUse(webapp);
    } catch (DockerException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether the running sandbox holds the webapp's program at its entrypoint, a file the job user
   * may run; empty when the sandbox does not run or the engine cannot tell now.
   */
  public Optional<Boolean> holdsProgram(String dockerName) {
    Webapp webapp = access.managed(dockerName);
    if (webapp.sandboxState() != SandboxState.RUNNING) {
      return Optional.empty();
    }
    try {
      return Optional.of(sandboxes.holdsProgram(webapp));
    } catch (DockerException e) {
      return Optional.empty();
    }
  }

  private ImageRef image(Webapp webapp, String baseImage, String version) {
    if (baseImage != null && version != null) {
      throw BusinessException.invalid(
          "one-source", "Start from a base image or from a version, not both.");
    }
    if (version != null) {
      return ImageRef.parse(readyVersion(webapp, version).runnableImage());
    }
    if (baseImage == null) {
      var current = webapps.defaultVersion(webapp);
      if (current.isPresent()) {
        return ImageRef.parse(current.get().runnableImage());
      }
    }
    String name = baseImage == null ? DEFAULT_BASE_IMAGE : baseImage;
    return ImageRef.parse(
        webapps
            .findBaseImage(name)
            .map(BaseImage::image)
            .orElseThrow(
                () ->
                    BusinessException.invalid(
                        "unknown-base-image", "There is no base image named " + name + ".")));
  }

  private WebappVersion readyVersion(Webapp webapp, String number) {
    return webapps.readyVersions(webapp).stream()
        .filter(v -> v.number().equals(number) && v.state() == VersionState.READY)
        .findFirst()
        .orElseThrow(
            () ->
                BusinessException.invalid(
                    "unknown-version",
                    webapp.dockerName() + " has no ready version " + number + "."));
  }
}
