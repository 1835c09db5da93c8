package org.allgo.webapps.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.allgo.pages.Pages;
import org.allgo.webapps.boundary.WebappService;
import org.allgo.webapps.entity.WebappView;

/** {@code /webapps/mine}: the webapps the signed-in user owns. */
@Named
@RequestScoped
public class MyWebappsBacking {

  @Inject WebappService webapps;

  private List<WebappView> mine;

  public List<WebappView> getWebapps() {
    if (mine == null) {
      String caller = Pages.caller();
      mine = webapps.list().stream().filter(w -> caller.equals(w.ownerEmail())).toList();
    }
    return mine;
  }
}
