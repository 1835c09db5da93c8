package org.allgo.webapps.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.allgo.api.Callers;
import org.allgo.webapps.boundary.WebappService;
import org.allgo.webapps.entity.BaseImageView;

/** The base images sandboxes start from; superusers add and remove them. */
@Path("v2/base-images")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class BaseImagesResource {

  @Inject WebappService webapps;

  @Context SecurityContext security;

  public record NewBaseImage(String name, String image) {}

  @GET
  public List<BaseImageView> list() {
    return webapps.baseImages();
  }

  @POST
  public Response add(NewBaseImage body) {
    NewBaseImage image = WebappsResource.required(body);
    return Response.status(Response.Status.CREATED)
        .entity(webapps.addBaseImage(Callers.optionalEmail(security), image.name(), image.image()))
        .build();
  }

  @DELETE
  @Path("{name}")
  public Response remove(@PathParam("name") String name) {
    webapps.removeBaseImage(Callers.optionalEmail(security), name);
    return Response.noContent().build();
  }
}
