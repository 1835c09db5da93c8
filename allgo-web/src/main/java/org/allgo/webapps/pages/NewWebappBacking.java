package org.allgo.webapps.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.allgo.pages.Pages;
import org.allgo.webapps.boundary.WebappService;
import org.allgo.webapps.entity.Visibility;
import org.allgo.webapps.entity.WebappView;

/** {@code /webapps/new}: publishes a webapp, then goes to its management page. */
@Named
@RequestScoped
public class NewWebappBacking {

  @Inject WebappService webapps;

  private final WebappForm form = new WebappForm();

  public void create() {
    WebappView[] created = new WebappView[1];
    if (Pages.attempt(() -> created[0] = webapps.create(form.draft(form.getDockerName())))) {
      Pages.info(
          "The webapp "
              + created[0].name()
              + " is created. Start its sandbox to install your program.");
      Pages.redirect("/webapps/manage?name=" + created[0].dockerName());
    }
  }

  public WebappForm getForm() {
    return form;
  }

  public Visibility[] getVisibilities() {
    return Visibility.values();
  }
}
