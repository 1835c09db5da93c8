package org.allgo.itc.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.inject.Inject;
import org.allgo.accounts.boundary.AccountService;
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

/** The account boundary inside the server: its database, its transactions, its mails. */
@ExtendWith(ArquillianExtension.class)
class AccountServiceIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return TestDeployment.create();
  }

  @Inject AccountService accounts;

  @Inject TestUsers users;

  @Inject Callers callers;

  @Test
  void aNewAccountSignsInOnceTheMailedLinkIsFollowed() {
    String email = Mailbox.newAddress("signup");

    accounts.signUp("New user", email, TestUsers.PASSWORD);

    assertThat(accounts.authenticate(email, TestUsers.PASSWORD, TestUsers.ADDRESS))
        .isInstanceOfSatisfying(
            LoginResult.Failure.class,
            failure -> assertThat(failure.code()).isEqualTo("account-unconfirmed"));
    AccountView confirmed = accounts.confirm(TestUsers.confirmationToken(email));
    assertThat(confirmed.state()).isEqualTo(AccountState.ACTIVE);
    assertThat(accounts.authenticate(email, TestUsers.PASSWORD, TestUsers.ADDRESS))
        .isInstanceOfSatisfying(
            LoginResult.Success.class,
            success -> assertThat(success.caller().email()).isEqualTo(email));
  }

  @Test
  void aTakenAddressGetsAMailToItsOwnerAndTheAccountStaysAsItWas() {
    TestUser user = users.active("taken");

    accounts.signUp("Someone else", user.email(), "Another-horse-8");

    assertThat(Mailbox.awaitLink(user.email(), "/users/password/new"))
        .contains("/users/password/new");
    assertThat(callers.asCaller(user, () -> accounts.getAccount(user.email())).name())
        .isEqualTo("Test taken");
    assertThat(accounts.authenticate(user.email(), TestUsers.PASSWORD, TestUsers.ADDRESS))
        .isInstanceOf(LoginResult.Success.class);
  }

  @Test
  void aLinkWhoseUseFailsIsRolledBackWithTheRest() {
    TestUser user = users.active("change");
    String newEmail = Mailbox.newAddress("changed");
    callers.asCaller(
        user, () -> accounts.requestEmailChange(user.email(), newEmail, user.password()));
    String token = TestUsers.confirmationToken(newEmail);
    accounts.signUp("Quicker", newEmail, TestUsers.PASSWORD);

    // The link is marked used, then the change is refused: the transaction takes both back.
    BusinessException first = assertThrows(BusinessException.class, () -> accounts.confirm(token));
    BusinessException second = assertThrows(BusinessException.class, () -> accounts.confirm(token));

    assertThat(first.code()).isEqualTo("email-taken");
    assertThat(second.code()).isEqualTo("email-taken");
    assertThat(callers.asCaller(user, () -> accounts.getAccount(user.email())).email())
        .isEqualTo(user.email());
  }

  @Test
  void aRefusedProfileChangeChangesNothing() {
    TestUser user = users.active("profile");
    callers.asCaller(user, () -> accounts.updateProfile(user.email(), "Renamed", false));

    BusinessException refused =
        assertThrows(
            BusinessException.class,
            () -> callers.asCaller(user, () -> accounts.updateProfile(user.email(), " ", true)));

    assertThat(refused.code()).isEqualTo("name-missing");
    AccountView account = callers.asCaller(user, () -> accounts.getAccount(user.email()));
    assertThat(account.name()).isEqualTo("Renamed");
    assertThat(account.notifyJobFinished()).isFalse();
  }

  @Test
  void anApiTokenNamesItsUserUntilItIsReplaced() {
    TestUser user = users.active("token");

    String first = callers.asCaller(user, () -> accounts.regenerateApiToken(user.email()));
    assertThat(accounts.findCallerByToken(first))
        .hasValueSatisfying(caller -> assertThat(caller.id()).isEqualTo(user.id()));
    String second = callers.asCaller(user, () -> accounts.regenerateApiToken(user.email()));

    assertThat(second).isNotEqualTo(first);
    assertThat(accounts.findCallerByToken(first)).isEmpty();
    assertThat(accounts.findCallerByToken(second)).isPresent();
  }

  @Test
  void aLockedAccountNeitherSignsInNorUsesItsToken() {
    TestUser user = users.active("locked");
    TestUser admin = users.superuser("locker");
    String token = callers.asCaller(user, () -> accounts.regenerateApiToken(user.email()));

    callers.asCaller(admin, () -> accounts.changeState(user.id(), AccountState.LOCKED));

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
                    admin, () -> accounts.changeState(user.id(), AccountState.UNCONFIRMED)));
    assertThat(refused.code()).isEqualTo("state-invalid");
  }
}
