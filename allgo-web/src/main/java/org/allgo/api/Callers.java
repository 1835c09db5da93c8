package org.allgo.api;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import org.allgo.platform.BusinessException;

/** The caller of an API request, named by e-mail, as the authentication mechanism set it. */
public final class Callers {

  private Callers() {}

  /** The caller, required: an anonymous request is refused with 401. */
  public static String email(SecurityContext security) {
    return Optional.ofNullable(optionalEmail(security))
        .orElseThrow(
            () ->
                new BusinessException(
                    BusinessException.Kind.UNAUTHORIZED,
                    "token-missing",
                    "This needs your API token, as 'Authorization: Bearer <token>'."));
  }

  /**
   * The caller, or null for an anonymous request (services decide what anonymous callers may do).
   */
  public static String optionalEmail(SecurityContext security) {
    return Optional.ofNullable(security.getUserPrincipal()).map(Principal::getName).orElse(null);
  }
}
