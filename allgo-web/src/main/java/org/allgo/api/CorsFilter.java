package org.allgo.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * Lets browser clients on other origins call the API with their token. The API takes no cookies, so
 * any origin may; each header is set exactly once (the original sent it twice, which browsers
 * refuse).
 */
@Provider
public class CorsFilter implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    MultivaluedMap<String, Object> headers = response.getHeaders();
    headers.putSingle("Access-Control-Allow-Origin", "*");
    headers.putSingle("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE, OPTIONS");
    headers.putSingle(
        "Access-Control-Allow-Headers", "Authorization, Content-Type, Accept, Idempotency-Key");
    headers.putSingle(
        "Access-Control-Expose-Headers", "Location, Link, Retry-After, Content-Length");
    headers.putSingle("Access-Control-Max-Age", "3600");
  }
}
