package org.allgo.accounts.pages;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.allgo.platform.BusinessException;

/** What every account page does: show a message, run a service call that may be refused. */
final class Pages {

  private Pages() {}

  static void info(String message) {
    add(FacesMessage.SEVERITY_INFO, message);
  }

  static void error(String message) {
    add(FacesMessage.SEVERITY_ERROR, message);
  }

  /** Runs the call; a refusal is shown on the page. Returns whether it went through. */
  static boolean attempt(Runnable call) {
    try {
      call.run();
      return true;
    } catch (BusinessException e) {
      error(e.getMessage());
      return false;
    }
  }

  /** Sends the browser to a path of the application. */
  static void redirect(String path) {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath() + path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A path inside the application to return to, or the fallback for anything else. */
  static String localPath(String candidate, String fallback) {
    if (candidate == null || !candidate.startsWith("/") || candidate.startsWith("//")
        || candidate.contains("\\") || candidate.length() > 500
        || candidate.chars().anyMatch(Character::isISOControl)) {
      return fallback;
    }
    return candidate;
  }

  private static void add(FacesMessage.Severity severity, String message) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, message, null));
  }
}
