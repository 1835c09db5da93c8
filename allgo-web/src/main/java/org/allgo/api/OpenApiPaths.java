package org.allgo.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Writes the API's paths as OpenAPI templates: the resources' path parameters carry regular
 * expressions ({@code {id: [0-9]{1,18}}}), which the document must name only ({@code {id}}). Keeps
 * the document to the OpenAPI schema: each tag declared once (resources that share a tag each
 * declare it), and without Payara's own top-level {@code endpoints} list. Then each operation's
 * error answers and token ({@link OpenApiResponses}).
 */
public class OpenApiPaths implements OASFilter {

  private static final Pattern PARAMETER =
      Pattern.compile("\\{\\s*([A-Za-z0-9_]+)\\s*:[^/]*}(?=/|$)");

  @Override
  public void filterOpenAPI(OpenAPI openApi) {
    dropEndpoints(openApi);
    ApiSchemas.describe(openApi);
    OpenApiResponses.describe(openApi);
    if (openApi.getTags() != null) {
      Map<String, Tag> tags = new LinkedHashMap<>();
      openApi.getTags().forEach(tag -> tags.putIfAbsent(tag.getName(), tag));
      openApi.setTags(new ArrayList<>(tags.values()));
    }
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

  /**
   * Payara's model adds a top-level {@code endpoints} key, which the OpenAPI schema does not allow
   * and no model interface reaches: its setter empties it (an empty map is not written), when the
   * implementation has one (null breaks Payara's copy of the document).
   */
  private static void dropEndpoints(OpenAPI openApi) {
    try {
      openApi
          .getClass()
          .getMethod("setEndpoints", Map.class)
          .invoke(openApi, new LinkedHashMap<>());
    } catch (ReflectiveOperationException | RuntimeException notPayaras) {
      // Another implementation: nothing to drop.
    }
  }

  /** The path with each parameter's regular expression left out. */
  static String template(String path) {
    return PARAMETER.matcher(path).replaceAll("{$1}");
  }
}
