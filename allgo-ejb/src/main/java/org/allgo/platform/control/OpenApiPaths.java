package org.allgo.platform.control;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;

/**
 * Writes the API's paths as OpenAPI templates: the resources' path parameters carry regular
 * expressions ({@code {id: [0-9]{1,18}}}), which the document must name only ({@code {id}}).
 */
public class OpenApiPaths implements OASFilter {

  private static final Pattern PARAMETER =
      Pattern.compile("\\{\\s*([A-Za-z0-9_]+)\\s*:[^/]*}(?=/|$)");

  @Override
  public void filterOpenAPI(OpenAPI openApi) {
    Paths paths = openApi.getPaths();
    if (paths == null || paths.getPathItems() == null) {
      return;
    }
    Map<String, PathItem> items = new LinkedHashMap<>(paths.getPathItems());
    items.forEach(
        (path, item) -> {
          String template = template(path);
          if (!template.equals(path)) {
            paths.removePathItem(path);
            paths.addPathItem(template, item);
          }
        });
  }

  /** The path with each parameter's regular expression left out. */
  static String template(String path) {
    return PARAMETER.matcher(path).replaceAll("{$1}");
  }
}
