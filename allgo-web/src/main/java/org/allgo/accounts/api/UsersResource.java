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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
  @Operation(operationId = "signUp", summary = "Open an account; a mail confirms it")
  @APIResponse(
      responseCode = "202",
      description = "The same whether the address had an account or not.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Message")))
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
  @Operation(operationId = "resendConfirmation", summary = "Send the confirmation mail again")
  @APIResponse(
      responseCode = "202",
      description = "The same whether the address had an unconfirmed account or not.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Message")))
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
  @Operation(operationId = "requestPasswordReset", summary = "Mail a link to choose a new password")
  @APIResponse(
      responseCode = "202",
      description = "The same whether the address had an account or not.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Message")))
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
  @Operation(
      operationId = "resetPassword",
      summary = "Set a new password with a reset mail's secret")
  @APIResponse(responseCode = "204", description = "The password is changed.")
  public Response resetPassword(Payloads.PasswordReset body) {
    Payloads.PasswordReset reset = Payloads.required(body);
    registration.resetPassword(reset.token(), reset.password());
    return Response.noContent().build();
  }
}
