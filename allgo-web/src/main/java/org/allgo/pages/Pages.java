package org.allgo.pages;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.allgo.platform.BusinessException;

/**
 * What every page does: show a message, run a service call that may be refused, know who calls,
 * send the browser elsewhere.
 */
public final class Pages {

  private Pages() {}

  public static void info(String message) {
    add(FacesMessage.SEVERITY_INFO, message);
  }

  public static void error(String message) {
    add(FacesMessage.SEVERITY_ERROR, message);
  }

  /**
   * An error shown where the page shows the messages of {@code key} (a {@code p:messages} for it).
   */
  public static void error(String key, String message) {
    FacesContext.getCurrentInstance()
        .addMessage(key, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
  }

  /** Runs the call; a refusal is shown on the page. Returns whether it went through. */
  public static boolean attempt(Runnable call) {
    try {
      call.run();
      return true;
    } catch (BusinessException e) {
      error(e.getMessage());
      return false;
    } catch (EJBAccessException e) {
      error("Only administrators may do this.");
      return false;
    }
  }

  /** Sends the browser to a path of the application; the messages of this request go along. */
  public static void redirect(String path) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.getExternalContext().getFlash().setKeepMessages(true);
    try {
      faces
          .getExternalContext()
          .redirect(faces.getExternalContext().getRequestContextPath() + path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The request attribute that tells the error page what is missing or refused. */
  public static final String ERROR = "allgo.error";

  /**
   * Answers with an HTTP error (its error page) instead of the page: 404 for what the caller may
   * not see, 403 for what they may not do.
   */
  public static void fail(BusinessException e) {
    int status =
        switch (e.kind()) {
          case NOT_FOUND, FORBIDDEN, UNAUTHORIZED -> e.kind().status();
          default -> 400;
        };
    FacesContext faces = FacesContext.getCurrentInstance();
    // What is missing, in words, for the error page (the container's own message is not ours).
    faces.getExternalContext().getRequestMap().put(ERROR, e.getMessage());
    try {
      faces.getExternalContext().responseSendError(status, e.getMessage());
    } catch (IOException io) {
      throw new UncheckedIOException(io);
    }
    faces.responseComplete();
  }

  /** A path inside the application to return to, or the fallback for anything else. */
  public static String localPath(String candidate, String fallback) {
    if (candidate == null
        || !candidate.startsWith("/")
        || candidate.startsWith("//")
        || candidate.contains("\\")
        || candidate.length() > 500
        || candidate.chars().anyMatch(Character::isISOControl)) {
      return fallback;
    }
    return candidate;
  }

  /** The signed-in user's e-mail address, or null for a visitor. */
  public static String caller() {
    return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
  }

  public static boolean isSuperuser() {
    return FacesContext.getCurrentInstance().getExternalContext().isUserInRole("superuser");
  }

  private static void add(FacesMessage.Severity severity, String message) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, message, null));
  }
}
