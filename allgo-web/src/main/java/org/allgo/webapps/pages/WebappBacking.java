package org.allgo.webapps.pages;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.allgo.jobs.boundary.JobService;
import org.allgo.pages.Pages;
import org.allgo.platform.BusinessException;
import org.allgo.webapps.boundary.VersionService;
import org.allgo.webapps.boundary.WebappService;
import org.allgo.webapps.entity.VersionState;
import org.allgo.webapps.entity.VersionView;
import org.allgo.webapps.entity.WebappView;

/**
 * {@code /app?name=<docker_name>}: a webapp's public page (description, documentation, versions,
 * the recent mean duration); its job form is {@code JobFormBacking}. Kept for the view, as the form
 * posts back to it.
 */
@Named
@ViewScoped
public class WebappBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject WebappService webapps;

  @Inject VersionService versions;

  @Inject JobService jobs;

  private String name;
  private WebappView webapp;
  private List<VersionView> readyVersions;
  private double meanSeconds;

  /** View action: a webapp the caller may not see is "not found". */
  public void load() {
    try {
      webapp = webapps.get(name == null ? "" : name);
      readyVersions =
          versions.list(webapp.dockerName()).stream()
              .filter(v -> v.state() == VersionState.READY)
              .toList();
      meanSeconds = jobs.averageSeconds(webapp.dockerName());
    } catch (BusinessException e) {
      Pages.fail(e);
    }
  }

  /** Whether the caller may change it: the service gives the sandbox only to those. */
  public boolean isManaged() {
    return webapp != null && webapp.sandbox() != null;
  }

  /** The mean duration of its recent successful jobs, in seconds; 0 when there are none. */
  public double getMeanSeconds() {
    return meanSeconds;
  }

  public WebappView getWebapp() {
    return webapp;
  }

  public List<VersionView> getReadyVersions() {
    return readyVersions;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
