package org.allgo.webapps.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.allgo.accounts.entity.Role;
import org.allgo.platform.BusinessException;
import org.allgo.webapps.control.WebappRules;
import org.allgo.webapps.control.WebappStore;
import org.allgo.webapps.entity.BaseImage;
import org.allgo.webapps.entity.BaseImageView;

/** The base images sandboxes start from: listed for everyone, added and removed by superusers. */
@Stateless
public class BaseImageService {

  @Inject WebappStore webapps;

  public List<BaseImageView> list() {
    return webapps.baseImages().stream().map(BaseImage::view).toList();
  }

  @RolesAllowed(Role.SUPERUSER_ROLE)
  public BaseImageView add(String name, String image) {
    String cleanName = WebappRules.name(name);
    if (webapps.findBaseImage(cleanName).isPresent()) {
      throw BusinessException.conflict(
          "base-image-exists", "There is already a base image named " + cleanName + ".");
    }
    return webapps
        .addBaseImage(new BaseImage(cleanName, WebappRules.imageReference(image), Instant.now()))
        .view();
  }

  /**
   * Removes a base image from the list; sandboxes started from it go on, webapps keep their
   * versions.
   */
  @RolesAllowed(Role.SUPERUSER_ROLE)
  public void remove(String name) {
    webapps.removeBaseImage(
        webapps
            .findBaseImage(name)
            .orElseThrow(
                () ->
                    BusinessException.notFound(
                        "unknown-base-image", "There is no base image named " + name + ".")));
  }
}
