package org.allgo.accounts.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import org.allgo.accounts.entity.LoginFailures;

/** Failed sign-ins per e-mail address, kept in the database so that every server sees them. */
@Dependent
public class LoginThrottle {

  @PersistenceContext(unitName = "allgo")
  EntityManager em;

  /** Until when sign-in with this address is refused, if it is now. */
  public Optional<Instant> blockedUntil(String email, Instant now) {
    return Optional.ofNullable(em.find(LoginFailures.class, email)).flatMap(f -> f.blockedAt(now));
  }

  public void recordFailure(String email, Instant now) {
    LoginFailures failures = em.find(LoginFailures.class, email);
    if (failures == null) {
      failures = new LoginFailures(email, now);
      em.persist(failures);
    }
    failures.record(now);
  }

  public void clear(String email) {
    LoginFailures failures = em.find(LoginFailures.class, email);
    if (failures != null) {
      em.remove(failures);
    }
  }
}
