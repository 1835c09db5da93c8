package org.allgo.jobs.api;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import org.allgo.platform.BusinessException;

/** The authenticated caller of a job request, named by e-mail. */
final class Callers {

  private Callers() {}

  static String email(SecurityContext security) {
    return Optional.ofNullable(security.getUserPrincipal())
        .map(Principal::getName)
        .orElseThrow(() -> new BusinessException(BusinessException.Kind.UNAUTHORIZED,
            "token-missing", "This needs your API token, as 'Authorization: Bearer <token>'."));
  }
}
