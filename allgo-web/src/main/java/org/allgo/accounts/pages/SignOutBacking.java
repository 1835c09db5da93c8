package org.allgo.accounts.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.lang.System.Logger.Level;
import org.allgo.pages.Pages;

/** Signs out (a POST from any page): ends the session and goes to the home page. */
@Named
@RequestScoped
public class SignOutBacking {

  private static final System.Logger LOG = System.getLogger(SignOutBacking.class.getName());

  public void signOut() {
    FacesContext faces = FacesContext.getCurrentInstance();
    HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
    try {
      request.logout();
    } catch (ServletException e) {
      LOG.log(Level.WARNING, "Sign-out failed; the session ends anyway", e);
    }
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    Pages.redirect("/");
  }
}
