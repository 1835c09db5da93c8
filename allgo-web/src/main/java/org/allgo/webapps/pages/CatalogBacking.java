package org.allgo.webapps.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.allgo.jobs.boundary.JobHistoryService;
import org.allgo.webapps.boundary.WebappService;
import org.allgo.webapps.entity.WebappView;

/**
 * The home page: the catalog of public webapps, searched by words in their names and descriptions
 * ({@code ?q=}), newest first, most used first ({@code ?sort=popular}: jobs run) or by name ({@code
 * ?sort=name}).
 */
@Named
@RequestScoped
public class CatalogBacking {

  /** An order of the catalog: its {@code sort} value and its name. */
  public record Order(String key, String label) {}

  private static final List<Order> ORDERS =
      List.of(
          new Order("recent", "Newest first"),
          new Order("popular", "Most used first"),
          new Order("name", "By name"));

  @Inject WebappService webapps;

  @Inject JobHistoryService history;

  private String q;
  private String sort;
  private List<WebappView> found;
  private Map<Long, Long> jobCounts;

  public List<WebappView> getWebapps() {
    if (found == null) {
      found = webapps.catalog().stream().filter(this::matches).sorted(order()).toList();
    }
    return found;
  }

  private Comparator<WebappView> order() {
    Comparator<WebappView> newest = Comparator.comparing(WebappView::createdAt).reversed();
    return switch (sort == null ? "" : sort) {
      case "name" -> Comparator.comparing(WebappView::name, String.CASE_INSENSITIVE_ORDER);
      case "popular" ->
          Comparator.comparingLong((WebappView w) -> jobs(w)).reversed().thenComparing(newest);
      default -> newest;
    };
  }

  /** How many jobs the webapp ran. */
  public long jobs(WebappView webapp) {
    if (jobCounts == null) {
      jobCounts = history.jobsPerWebapp();
    }
    return jobCounts.getOrDefault(webapp.id(), 0L);
  }

  private boolean matches(WebappView webapp) {
    if (q == null || q.isBlank()) {
      return true;
    }
    String text =
        (webapp.name() + " " + webapp.dockerName() + " " + webapp.description())
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

  public List<Order> getOrders() {
    return ORDERS;
  }

  /** The order chosen, newest first unless another is asked for. */
  public String getOrder() {
    return ORDERS.stream().map(Order::key).filter(k -> k.equals(sort)).findFirst().orElse("recent");
  }

  public String getSort() {
    return sort;
  }

  public void setSort(String sort) {
    this.sort = sort;
  }
}
