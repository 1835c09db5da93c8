package org.allgo.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The session cookie is {@code Secure} when the platform is reached over https (its base URL), so
 * that a browser never sends it in clear; it is {@code HttpOnly} and {@code SameSite=Lax} anyway.
 */
@WebListener
public class SessionCookies implements ServletContextListener {

  @Override
  public void contextInitialized(ServletContextEvent event) {
    String baseUrl =
        ConfigProvider.getConfig()
            .getOptionalValue("allgo.base-url", String.class)
            .orElse("http://localhost:8080");
    event.getServletContext().getSessionCookieConfig().setSecure(secure(baseUrl));
  }

  static boolean secure(String baseUrl) {
    return baseUrl.regionMatches(true, 0, "https:", 0, 6);
  }
}
