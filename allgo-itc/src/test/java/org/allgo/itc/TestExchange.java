package org.allgo.itc;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Keeps the response of the request that runs a test beside it, for {@link Callers}: the container
 * authenticates a request with its response.
 */
@WebFilter("/*")
public class TestExchange extends HttpFilter {

  static final String RESPONSE = TestExchange.class.getName() + ".response";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    request.setAttribute(RESPONSE, response);
    chain.doFilter(request, response);
  }
}
