package org.allgo.accounts.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.allgo.accounts.entity.LoginFailures;

/**
 * The throttle's rows, each change in a transaction of its own, committed whatever the sign-in's
 * outcome. Rows are locked (SELECT … FOR UPDATE), the account's before the address's, so that
 * parallel attempts under one key take turns.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class LoginThrottleRows {

  @PersistenceContext(unitName = "allgo")
  EntityManager em;

  /** Makes the rows of these keys that do not exist yet; fails if a parallel attempt made one. */
  public void create(List<String> keys) {
    for (String key : keys) {
      if (em.find(LoginFailures.class, key) == null) {
        em.persist(new LoginFailures(key));
      }
    }
    em.flush();
  }

  public Optional<Instant> attempt(String accountKey, String addressKey, Instant now) {
    LoginFailures account = lockedOrNew(accountKey);
    LoginFailures address = lockedOrNew(addressKey);
    Optional<Instant> blocked = account.blockedAt(now);
    Optional<Instant> addressBlocked = address.blockedAt(now);
    if (blocked.isEmpty()
        || addressBlocked.isPresent() && addressBlocked.get().isAfter(blocked.get())) {
      blocked = addressBlocked;
    }
    if (blocked.isPresent()) {
      return blocked;
    }
    account.record(LoginFailures.ACCOUNT_FROM_ADDRESS, now);
    address.record(LoginFailures.ADDRESS, now);
    return Optional.empty();
  }

  public void succeeded(String accountKey, String addressKey, Instant now) {
    LoginFailures account = locked(accountKey);
    if (account != null) {
      em.remove(account);
    }
    LoginFailures address = locked(addressKey);
    if (address != null) {
      address.forgiveOne(LoginFailures.ADDRESS, now);
    }
  }

  public void clearAccount(String email) {
    em.createQuery("DELETE FROM LoginFailures f WHERE f.key LIKE :prefix ESCAPE '\\'")
        .setParameter("prefix", escapeLike(LoginFailures.accountFrom(email, "")) + "%")
        .executeUpdate();
  }

  // A row removed since create() (a parallel sign-in succeeded) is made again.
  private LoginFailures lockedOrNew(String key) {
    LoginFailures row = locked(key);
    if (row == null) {
      row = new LoginFailures(key);
      em.persist(row);
    }
    return row;
  }

  private LoginFailures locked(String key) {
    return em.find(LoginFailures.class, key, LockModeType.PESSIMISTIC_WRITE);
  }

  private static String escapeLike(String value) {
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
