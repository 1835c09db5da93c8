package org.allgo.admin.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.allgo.pages.Pages;
import org.allgo.webapps.boundary.WebappService;
import org.allgo.webapps.entity.BaseImageView;

/** {@code /admin/images}: the base images sandboxes start from; add one. */
@Named
@RequestScoped
public class BaseImagesBacking {

  @Inject WebappService webapps;

  private String name;
  private String image;
  private List<BaseImageView> images;

  public List<BaseImageView> getImages() {
    if (images == null) {
      images = webapps.baseImages();
    }
    return images;
  }

  public void add() {
    if (Pages.attempt(() -> webapps.addBaseImage(Pages.caller(), name, image))) {
      Pages.info("The base image " + name.strip() + " is added.");
      name = null;
      image = null;
    }
    images = null;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }
}
