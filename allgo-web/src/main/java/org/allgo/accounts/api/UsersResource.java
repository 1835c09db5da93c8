package org.allgo.accounts.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.allgo.accounts.boundary.RegistrationService;
import org.allgo.api.Access;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Public account operations: sign-up, new confirmation mail, password reset. Confirmation and reset
 * need the secret from the mail: there is no other way.
 */
@Tag(name = "users")
@Path("v2/users")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class UsersResource {

  @Inject RegistrationService registration;

  /**
   * Opens an unconfirmed account and mails the confirmation link; an address that has an account
   * gets a mail saying so. The answer is the same either way: it does not tell which.
   */
  @Extension(name = Access.EXTENSION, value = Access.PUBLIC)
  @POST
  @Operation(operationId = "signUp")
  public Response signUp(Payloads.SignUp body) {
    Payloads.SignUp signUp = Payloads.required(body);
    registration.signUp(signUp.name(), signUp.email(), signUp.password());
    return Response.accepted(
            new Payloads.Message(
                "A mail is on its way to this address: follow its link to confirm the account."))
        .build();
  }

  @Extension(name = Access.EXTENSION, value = Access.PUBLIC)
  @POST
  @Path("confirmation")
  @Operation(operationId = "resendConfirmation")
  public Response resendConfirmation(Payloads.EmailOnly body) {
    registration.resendConfirmation(Payloads.required(body).email());
    return Response.accepted(
            new Payloads.Message(
                "If an unconfirmed account has this address,"
                    + " a new confirmation mail is on its way."))
        .build();
  }

  /** Mails a reset link if an account has the address; the answer does not tell. */
  @Extension(name = Access.EXTENSION, value = Access.PUBLIC)
  @POST
  @Path("password-reset")
  @Operation(operationId = "requestPasswordReset")
  public Response requestPasswordReset(Payloads.EmailOnly body) {
    registration.requestPasswordReset(Payloads.required(body).email());
    return Response.accepted(
            new Payloads.Message(
                "If an account has this address, a mail with a"
                    + " link to choose a new password is on its way."))
        .build();
  }

  /** Sets a new password with the secret of a reset mail. */
  @Extension(name = Access.EXTENSION, value = Access.PUBLIC)
  @POST
  @Path("password")
  @Operation(operationId = "resetPassword")
  public Response resetPassword(Payloads.PasswordReset body) {
    Payloads.PasswordReset reset = Payloads.required(body);
    registration.resetPassword(reset.token(), reset.password());
    return Response.noContent().build();
  }
}
