package org.allgo.webapps.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.allgo.webapps.boundary.WebappService;
import org.allgo.webapps.entity.BaseImageView;

/** The base images sandboxes start from; superusers add them. */
@Path("v2/base-images")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BaseImagesResource {

  @Inject
  WebappService webapps;

  @Context
  SecurityContext security;

  public record NewBaseImage(String name, String image) {}

  @GET
  public List<BaseImageView> list() {
    return webapps.baseImages();
  }

  @POST
  public Response add(NewBaseImage body) {
    NewBaseImage image = WebappsResource.required(body);
    String caller = Optional.ofNullable(security.getUserPrincipal()).map(Principal::getName).orElse(null);
    return Response.status(Response.Status.CREATED).entity(webapps.addBaseImage(caller, image.name(), image.image()))
        .build();
  }
}
