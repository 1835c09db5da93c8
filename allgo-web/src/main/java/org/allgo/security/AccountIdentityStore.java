package org.allgo.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import org.allgo.accounts.boundary.AccountService;
import org.allgo.accounts.entity.Caller;
import org.allgo.accounts.entity.LoginResult;

/**
 * The database identity store: checks e-mail and password against the accounts (PBKDF2 hashes,
 * throttling, account state) and gives the caller's groups, {@code user} and {@code superuser}. The
 * caller's unique id is the user id.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

  @Inject AccountService accounts;

  @Inject SignInOutcome outcome;

  @Inject HttpServletRequest request;

  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    LoginResult result =
        accounts.authenticate(
            credential.getCaller(), credential.getPasswordAsString(), request.getRemoteAddr());
    if (result instanceof LoginResult.Success success) {
      Caller caller = success.caller();
      outcome.succeeded(caller);
      return new CredentialValidationResult(
          null, new CallerPrincipal(caller.email()), null, caller.id().toString(), caller.groups());
    }
    outcome.failed((LoginResult.Failure) result);
    return CredentialValidationResult.INVALID_RESULT;
  }
}
