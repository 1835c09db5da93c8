package org.allgo.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

/**
 * The REST API: version 2 under {@code /api/v2}; resources are found by scanning. Its OpenAPI
 * document, generated from the resources, is at {@code /openapi}, browsable at {@code /api-docs/}.
 */
@ApplicationPath("api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "allgo API",
            version = "2",
            description =
                "Publish command-line programs as web services; run jobs on them. Send your API token as"
                    + " 'Authorization: Bearer <token>'. Errors are application/problem+json.",
            license =
                @License(name = "AGPL-3.0", url = "https://www.gnu.org/licenses/agpl-3.0.html")))
public class ApiApplication extends Application {

  /** No WADL (Jersey's own description of the resources): the OpenAPI document is the one. */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
