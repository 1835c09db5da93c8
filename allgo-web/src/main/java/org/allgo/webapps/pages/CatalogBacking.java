package org.allgo.webapps.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.allgo.pages.Pages;
import org.allgo.webapps.boundary.WebappService;
import org.allgo.webapps.entity.Visibility;
import org.allgo.webapps.entity.WebappView;

/**
 * The home page: the catalog of public webapps, searched by words in their names and
 * descriptions ({@code ?q=}), newest first or by name ({@code ?sort=name}).
 */
@Named
@RequestScoped
public class CatalogBacking {

  @Inject
  WebappService webapps;

  private String q;
  private String sort;
  private List<WebappView> found;

  public List<WebappView> getWebapps() {
    if (found == null) {
      found = webapps.list(Pages.caller()).stream()
          .filter(w -> w.visibility() == Visibility.PUBLIC)
          .filter(this::matches)
          .sorted("name".equals(sort)
              ? Comparator.comparing(WebappView::name, String.CASE_INSENSITIVE_ORDER)
              : Comparator.comparing(WebappView::createdAt).reversed())
          .toList();
    }
    return found;
  }

  private boolean matches(WebappView webapp) {
    if (q == null || q.isBlank()) {
      return true;
    }
    String text = (webapp.name() + " " + webapp.dockerName() + " " + webapp.description())
        .toLowerCase(Locale.ROOT);
    for (String word : q.toLowerCase(Locale.ROOT).split("\\s+")) {
      if (!word.isEmpty() && !text.contains(word)) {
        return false;
      }
    }
    return true;
  }

  /** The first paragraph of a description, for the catalog's cards. */
  public String summary(String description) {
    if (description == null) {
      return "";
    }
    String first = description.strip().split("\\n\\s*\\n", 2)[0];
    return first.length() > 300 ? first.substring(0, 300) + "…" : first;
  }

  public String getQ() {
    return q;
  }

  public void setQ(String q) {
    this.q = q == null ? null : q.strip();
  }

  public String getSort() {
    return sort;
  }

  public void setSort(String sort) {
    this.sort = sort;
  }
}
