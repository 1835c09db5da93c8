package org.allgo.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

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
@SecurityScheme(
    securitySchemeName = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description = "The API token: 'Authorization: Bearer <token>'.")
@SecurityScheme(
    securitySchemeName = "v1Token",
    type = SecuritySchemeType.APIKEY,
    in = SecuritySchemeIn.HEADER,
    apiKeyName = "Authorization",
    description =
        "The original platform's form, for /api/v1: 'Authorization: Token token=<token>'.")
public class ApiApplication extends Application {

  /** No WADL (Jersey's own description of the resources): the OpenAPI document is the one. */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
