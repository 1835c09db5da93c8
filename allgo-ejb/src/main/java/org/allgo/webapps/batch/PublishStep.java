package org.allgo.webapps.batch;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.allgo.connector.api.ImageRef;
import org.allgo.webapps.control.RegistryClient;
import org.allgo.webapps.entity.WebappVersion;

/**
 * Checks that the registry really holds the pushed image under the version's tag — the manifest of
 * that very digest, not an earlier one of the same number — then makes the version READY.
 */
@Named("publishStep")
@Dependent
public class PublishStep extends VersionStep {

  @Inject RegistryClient registry;

  @Override
  void run(WebappVersion version, ImageRef image) {
    RegistryClient.Manifest manifest =
        registry
            .manifest(image)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the registry does not hold " + image + " after the push"));
    if (!manifest.digest().equals(version.digest())) {
      throw new IllegalStateException(
          "the registry holds "
              + manifest.digest()
              + " under "
              + image
              + ", not the "
              + version.digest()
              + " pushed");
    }
    transitions.versionReady(version.id(), manifest.size());
  }
}
