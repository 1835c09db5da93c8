package org.allgo.webapps.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.allgo.inputs.entity.Boutiques;
import org.allgo.inputs.entity.InputDescription;
import org.allgo.inputs.entity.InputSchema;
import org.allgo.platform.BusinessException;
import org.allgo.webapps.control.Access;
import org.allgo.webapps.control.WebappStore;
import org.allgo.webapps.entity.Webapp;
import org.allgo.webapps.entity.WebappVersion;

/**
 * A webapp's description of its inputs. The owner edits a draft, kept with the webapp; each version
 * is committed with the draft of that moment and keeps it, so that an image and the inputs its
 * program takes always go together (a job runs with its version's description). Anyone who may run
 * the webapp reads the JSON Schema of the inputs of the version that would run.
 */
@Stateless
public class InputService {

  @Inject Access access;

  @Inject WebappStore webapps;

  /** The draft, as a Boutiques descriptor; 404 when the webapp takes a free string. */
  public JsonObject draft(String dockerName) {
    Webapp webapp = access.managed(dockerName);
    if (webapp.inputs() == null) {
      throw notDescribed(dockerName + " does not describe its inputs: it takes a free string.");
    }
    return Boutiques.write(Boutiques.read(webapp.inputs()));
  }

  /**
   * Replaces the draft with this Boutiques descriptor (refused, changing nothing, when allgo does
   * not support it); the next version committed takes it. Answers the descriptor as kept.
   */
  public JsonObject describe(String dockerName, JsonObject descriptor) {
    Webapp webapp = access.managed(dockerName);
    if (descriptor == null) {
      throw BusinessException.invalid("descriptor-missing", "Send a Boutiques descriptor.");
    }
    JsonObject kept = Boutiques.write(Boutiques.read(descriptor));
    webapp.describeInputs(kept.toString());
    return kept;
  }

  /** The next version takes a free string again. */
  public void clear(String dockerName) {
    access.managed(dockerName).describeInputs(null);
  }

  /**
   * The description of the inputs of the version a job would run now; empty when it takes a free
   * string or no version is ready.
   */
  public java.util.Optional<InputDescription> description(String dockerName) {
    return webapps
        .defaultVersion(access.visible(dockerName))
        .map(WebappVersion::inputs)
        .map(Boutiques::read);
  }

  /** The JSON Schema of the inputs of the version a job would run now. */
  public JsonObject schema(String dockerName) {
    Webapp webapp = access.visible(dockerName);
    WebappVersion version =
        webapps
            .defaultVersion(webapp)
            .orElseThrow(
                () ->
                    BusinessException.conflict(
                        "no-ready-version", dockerName + " has no ready version to run yet."));
    if (version.inputs() == null) {
      throw notDescribed(
          dockerName
              + " "
              + version.number()
              + " does not describe its inputs: it takes a free parameter string (param).");
    }
    InputDescription description = Boutiques.read(version.inputs());
    return InputSchema.of(description);
  }

  private static BusinessException notDescribed(String message) {
    return BusinessException.notFound("inputs-not-described", message);
  }
}
