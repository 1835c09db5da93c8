package org.allgo.admin.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.allgo.pages.Pages;
import org.allgo.webapps.boundary.BaseImageService;
import org.allgo.webapps.entity.BaseImageView;

/** {@code /admin/images}: the base images sandboxes start from; add one. */
@Named
@RequestScoped
public class BaseImagesBacking {

  @Inject BaseImageService baseImages;

  private String name;
  private String image;
  private List<BaseImageView> images;

  public List<BaseImageView> getImages() {
    if (images == null) {
      images = baseImages.list();
    }
    return images;
  }

  public void add() {
    if (Pages.attempt(() -> baseImages.add(name, image))) {
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
