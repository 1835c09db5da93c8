package org.allgo.itc.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.allgo.accounts.boundary.AccountService;
import org.allgo.accounts.entity.Caller;
import org.allgo.accounts.entity.LoginResult;
import org.allgo.itc.Callers;
import org.allgo.itc.TestDeployment;
import org.allgo.itc.TestUser;
import org.allgo.itc.TestUsers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sign-in throttling per account and client address and per address, in parallel on the real
 * database; a new password ends the other sessions and revokes the API token.
 */
@ExtendWith(ArquillianExtension.class)
class SignInProtectionIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return TestDeployment.create();
  }

  @Inject AccountService accounts;

  @Inject TestUsers users;

  @Inject Callers callers;

  @Test
  void strangersFailingElsewhereDoNotLockTheOwnerOut() {
    TestUser owner = users.active("target");
    for (int i = 0; i < 12; i++) {
      assertThat(code(accounts.authenticate(owner.email(), "Wrong-password-" + i, "203.0.113.5")))
          .isIn("bad-credentials", "login-throttled");
    }

    LoginResult stranger = accounts.authenticate(owner.email(), owner.password(), "203.0.113.5");
    LoginResult fromHome = accounts.authenticate(owner.email(), owner.password(), "198.51.100.20");

    assertThat(code(stranger))
        .as("the right password from the failing address waits")
        .isEqualTo("login-throttled");
    assertThat(fromHome).isInstanceOf(LoginResult.Success.class);
  }

  @Test
  void parallelAttemptsCheckNoMorePasswordsThanTheLimit() throws Exception {
    TestUser owner = users.active("parallel");
    ExecutorService pool = Executors.newFixedThreadPool(40);
    List<Future<String>> tries = new ArrayList<>();
    try {
      for (int i = 0; i < 40; i++) {
        String password = "Wrong-password-" + i;
        tries.add(
            pool.submit(
                () -> code(accounts.authenticate(owner.email(), password, "203.0.113.40"))));
      }
      List<String> codes = new ArrayList<>();
      for (Future<String> attempt : tries) {
        codes.add(attempt.get());
      }

      Map<String, Long> counted =
          codes.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
      assertThat(counted)
          .containsOnly(Map.entry("bad-credentials", 5L), Map.entry("login-throttled", 35L));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void oneAddressTryingManyAccountsIsSlowedDown() {
    // An address of this run's own: the server's database keeps the counts of earlier runs.
    String run = UUID.randomUUID().toString().substring(0, 8);
    String sprayer = "2001:db8::" + run.substring(0, 4) + ":" + run.substring(4);
    for (int i = 0; i < 20; i++) {
      String email = "sprayed-" + run + "-" + i + "@example.org";
      assertThat(code(accounts.authenticate(email, "Summer-2026!", sprayer)))
          .isEqualTo("bad-credentials");
    }
    TestUser victim = users.active("sprayed");

    assertThat(code(accounts.authenticate(victim.email(), victim.password(), sprayer)))
        .isEqualTo("login-throttled");
    assertThat(accounts.authenticate(victim.email(), victim.password(), "198.51.100.21"))
        .isInstanceOf(LoginResult.Success.class);
  }

  @Test
  void aNewPasswordEndsTheOtherSessionsAndRevokesTheToken() {
    TestUser user = users.active("newpassword");
    Caller session = user.caller();
    String token = callers.asCaller(user, () -> accounts.regenerateApiToken());
    assertThat(accounts.findActiveCaller(session.id(), session.credentialsVersion())).isPresent();

    Caller after =
        callers.asCaller(user, () -> accounts.changePassword(user.password(), "Brand-new-horse-9"));

    assertThat(accounts.findActiveCaller(session.id(), session.credentialsVersion()))
        .as("a session signed in with the old password")
        .isEmpty();
    assertThat(accounts.findActiveCaller(after.id(), after.credentialsVersion()))
        .as("the session that changed it")
        .isPresent();
    assertThat(accounts.findCallerByToken(token)).isEmpty();
    assertThat(code(accounts.authenticate(user.email(), user.password(), "198.51.100.22")))
        .isEqualTo("bad-credentials");
  }

  private static String code(LoginResult result) {
    return result instanceof LoginResult.Failure failure ? failure.code() : "success";
  }
}
