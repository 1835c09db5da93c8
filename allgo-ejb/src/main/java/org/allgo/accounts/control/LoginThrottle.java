package org.allgo.accounts.control;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.allgo.accounts.entity.LoginFailures;

/**
 * Failed sign-ins, per account and client address and per client address, kept in the database so
 * that every server sees them. An attempt is counted as failed before its password is checked and
 * forgiven when the password was right: parallel attempts cannot check more passwords than the
 * limits allow. Strangers elsewhere cannot lock an account: its owner's address has its own count.
 */
@Dependent
public class LoginThrottle {

  @Inject LoginThrottleRows rows;

  /**
   * Counts an attempt to sign in to {@code email} from {@code address}, unless sign-in is refused
   * there now: then until when.
   */
  public Optional<Instant> attempt(String email, String address, Instant now) {
    List<String> keys =
        List.of(LoginFailures.accountFrom(email, address), LoginFailures.address(address));
    // A row made by a parallel attempt fails this one's transaction: once more, it finds the row.
    for (int tries = 1; ; tries++) {
      try {
        rows.create(keys);
        return rows.attempt(keys.get(0), keys.get(1), now);
      } catch (EJBException parallel) {
        if (tries == 3) {
          throw parallel;
        }
      }
    }
  }

  /**
   * The password was right: the account's count from this address ends, the attempt is forgiven.
   */
  public void succeeded(String email, String address, Instant now) {
    rows.succeeded(LoginFailures.accountFrom(email, address), LoginFailures.address(address), now);
  }

  /** A password set by a reset link: the account's counts from every address end. */
  public void clear(String email) {
    rows.clearAccount(email);
  }
}
