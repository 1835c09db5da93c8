package org.allgo.pages;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Faces resources whose address names their version (PrimeFaces' scripts and styles carry {@code
 * v=}, the library's release) are cached by browsers for a year: a new release changes the address.
 * Unversioned resources keep the server's default (revalidated).
 */
@WebFilter(urlPatterns = "/jakarta.faces.resource/*", asyncSupported = true)
public class ResourceCaching extends HttpFilter {

  private static final long serialVersionUID = 1L;

  static final String LONG = "public, max-age=31536000, immutable";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!versioned(request.getQueryString())) {
      chain.doFilter(request, response);
      return;
    }
    response.setHeader("Cache-Control", LONG);
    // Faces sets its own, shorter, max-age while it writes the resource: this one stays.
    chain.doFilter(
        request,
        new HttpServletResponseWrapper(response) {
          @Override
          public void setHeader(String name, String value) {
            if (!"Cache-Control".equalsIgnoreCase(name)) {
              super.setHeader(name, value);
            }
          }

          @Override
          public void addHeader(String name, String value) {
            if (!"Cache-Control".equalsIgnoreCase(name)) {
              super.addHeader(name, value);
            }
          }
        });
  }

  static boolean versioned(String query) {
    if (query == null) {
      return false;
    }
    for (String pair : query.split("&")) {
      if (pair.startsWith("v=") && pair.length() > 2) {
        return true;
      }
    }
    return false;
  }
}
