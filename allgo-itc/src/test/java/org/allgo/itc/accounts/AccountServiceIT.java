package org.allgo.itc.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import org.allgo.accounts.boundary.AccountService;
import org.allgo.accounts.boundary.RegistrationService;
import org.allgo.accounts.boundary.UserAdministration;
import org.allgo.accounts.entity.AccountState;
import org.allgo.accounts.entity.AccountView;
import org.allgo.accounts.entity.LoginResult;
import org.allgo.itc.Callers;
import org.allgo.itc.Mailbox;
import org.allgo.itc.TestDeployment;
import org.allgo.itc.TestUser;
import org.allgo.itc.TestUsers;
import org.allgo.platform.BusinessException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The account boundaries inside the server — registration, the caller's own account, the users'
 * administration: their database, their transactions, their mails, their callers.
 */
@ExtendWith(ArquillianExtension.class)
class AccountServiceIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return TestDeployment.create();
  }

  @Inject AccountService accounts;

  @Inject RegistrationService registration;

  @Inject UserAdministration administration;

  @Inject TestUsers users;

  @Inject Callers callers;

  @Test
  void aNewAccountSignsInOnceTheMailedLinkIsFollowed() {
    String email = Mailbox.newAddress("signup");

    registration.signUp("New user", email, TestUsers.PASSWORD);

    assertThat(accounts.authenticate(email, TestUsers.PASSWORD, TestUsers.ADDRESS))
        .isInstanceOfSatisfying(
            LoginResult.Failure.class,
            failure -> assertThat(failure.code()).isEqualTo("account-unconfirmed"));
    AccountView confirmed = registration.confirm(TestUsers.confirmationToken(email));
    assertThat(confirmed.state()).isEqualTo(AccountState.ACTIVE);
    assertThat(accounts.authenticate(email, TestUsers.PASSWORD, TestUsers.ADDRESS))
        .isInstanceOfSatisfying(
            LoginResult.Success.class,
            success -> assertThat(success.caller().email()).isEqualTo(email));
  }

  @Test
  void aTakenAddressGetsAMailToItsOwnerAndTheAccountStaysAsItWas() {
    TestUser user = users.active("taken");

    registration.signUp("Someone else", user.email(), "Another-horse-8");

    assertThat(Mailbox.awaitLink(user.email(), "/users/password/new"))
        .contains("/users/password/new");
    assertThat(callers.asCaller(user, () -> accounts.getAccount()).name()).isEqualTo("Test taken");
    assertThat(accounts.authenticate(user.email(), TestUsers.PASSWORD, TestUsers.ADDRESS))
        .isInstanceOf(LoginResult.Success.class);
  }

  @Test
  void aLinkWhoseUseFailsIsRolledBackWithTheRest() {
    TestUser user = users.active("change");
    String newEmail = Mailbox.newAddress("changed");
    callers.asCaller(user, () -> accounts.requestEmailChange(newEmail, user.password()));
    String token = TestUsers.confirmationToken(newEmail);
    registration.signUp("Quicker", newEmail, TestUsers.PASSWORD);

    // The link is marked used, then the change is refused: the transaction takes both back.
    BusinessException first =
        assertThrows(BusinessException.class, () -> registration.confirm(token));
    BusinessException second =
        assertThrows(BusinessException.class, () -> registration.confirm(token));

    assertThat(first.code()).isEqualTo("email-taken");
    assertThat(second.code()).isEqualTo("email-taken");
    assertThat(callers.asCaller(user, () -> accounts.getAccount()).email()).isEqualTo(user.email());
  }

  @Test
  void aRefusedProfileChangeChangesNothing() {
    TestUser user = users.active("profile");
    callers.asCaller(user, () -> accounts.updateProfile("Renamed", false, null));

    BusinessException refused =
        assertThrows(
            BusinessException.class,
            () -> callers.asCaller(user, () -> accounts.updateProfile(" ", true, null)));

    assertThat(refused.code()).isEqualTo("name-missing");
    AccountView account = callers.asCaller(user, () -> accounts.getAccount());
    assertThat(account.name()).isEqualTo("Renamed");
    assertThat(account.notifyJobFinished()).isFalse();
  }

  @Test
  void anApiTokenNamesItsUserUntilItIsReplaced() {
    TestUser user = users.active("token");

    String first = callers.asCaller(user, () -> accounts.regenerateApiToken());
    assertThat(accounts.findCallerByToken(first))
        .hasValueSatisfying(caller -> assertThat(caller.id()).isEqualTo(user.id()));
    String second = callers.asCaller(user, () -> accounts.regenerateApiToken());

    assertThat(second).isNotEqualTo(first);
    assertThat(accounts.findCallerByToken(first)).isEmpty();
    assertThat(accounts.findCallerByToken(second)).isPresent();
  }

  @Test
  void aLockedAccountNeitherSignsInNorUsesItsToken() {
    TestUser user = users.active("locked");
    TestUser admin = users.superuser("locker");
    String token = callers.asCaller(user, () -> accounts.regenerateApiToken());

    callers.asCaller(admin, () -> administration.changeState(user.id(), AccountState.LOCKED));

    assertThat(accounts.authenticate(user.email(), user.password(), TestUsers.ADDRESS))
        .isInstanceOfSatisfying(
            LoginResult.Failure.class,
            failure -> assertThat(failure.code()).isEqualTo("account-locked"));
    assertThat(accounts.findCallerByToken(token)).isEmpty();
    BusinessException refused =
        assertThrows(
            BusinessException.class,
            () ->
                callers.asCaller(
                    admin, () -> administration.changeState(user.id(), AccountState.UNCONFIRMED)));
    assertThat(refused.code()).isEqualTo("state-invalid");
  }

  @Test
  void onlyAnotherSuperuserChangesAnAccountsStateOrRole() {
    TestUser user = users.active("plain");
    TestUser admin = users.superuser("keeper");

    assertThrows(
        EJBAccessException.class,
        () ->
            callers.asCaller(
                user, () -> administration.changeState(admin.id(), AccountState.LOCKED)));
    BusinessException own =
        assertThrows(
            BusinessException.class,
            () ->
                callers.asCaller(
                    admin, () -> administration.changeState(admin.id(), AccountState.LOCKED)));

    assertThat(own.code()).isEqualTo("own-account");
    assertThat(accounts.authenticate(admin.email(), admin.password(), TestUsers.ADDRESS))
        .isInstanceOf(LoginResult.Success.class);
  }
}
