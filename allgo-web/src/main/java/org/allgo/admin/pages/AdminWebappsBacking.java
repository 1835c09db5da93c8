package org.allgo.admin.pages;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.allgo.pages.Pages;
import org.allgo.webapps.boundary.WebappService;
import org.allgo.webapps.entity.WebappView;

/** {@code /admin/webapps}: every webapp, public or not, and their network permission. */
@Named
@ViewScoped
public class AdminWebappsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject WebappService webapps;

  private List<WebappView> all;

  public List<WebappView> getWebapps() {
    if (all == null) {
      all = webapps.list();
    }
    return all;
  }

  public void allowNetwork(String dockerName, boolean allowed) {
    if (Pages.attempt(() -> webapps.allowNetwork(dockerName, allowed))) {
      Pages.info(
          dockerName
              + (allowed
                  ? " may reach the network (from its next container on)."
                  : " is cut from the network (from its next container on)."));
    }
    all = null;
  }
}
