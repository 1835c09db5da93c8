package org.allgo.accounts.control;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.NoResultException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Optional;
import java.util.function.Predicate;
import org.allgo.accounts.entity.User;
import org.allgo.platform.BusinessException;
import org.eclipse.persistence.config.CacheUsage;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;

/** Users in the database; joins the caller's transaction. */
@Dependent
public class UserStore {

  @PersistenceContext(unitName = "allgo")
  EntityManager em;

  @Inject RequestCaller requestCaller;

  public Optional<User> findById(long id) {
    return Optional.ofNullable(em.find(User.class, id));
  }

  public User getById(long id) {
    return findById(id)
        .orElseThrow(
            () -> BusinessException.notFound("user-not-found", "There is no user " + id + "."));
  }

  /**
   * The user of an e-mail address: the request's authenticated caller by id when it is theirs (the
   * usual case, from the cache without a query), else by a query.
   */
  public Optional<User> findByEmail(String email) {
    Predicate<User> matches = u -> u.email().equalsIgnoreCase(email);
    Optional<User> caller =
        requestCallerId(email).map(id -> em.find(User.class, id)).filter(matches);
    return caller.isPresent() ? caller : unique(User.BY_EMAIL, "email", email, matches);
  }

  // Outside a request (a task of an executor) there is no request caller.
  private Optional<Long> requestCallerId(String email) {
    try {
      return requestCaller.idOf(email);
    } catch (ContextNotActiveException e) {
      return Optional.empty();
    }
  }

  public User getByEmail(String email) {
    return findByEmail(email)
        .orElseThrow(
            () ->
                BusinessException.notFound(
                    "user-not-found", "There is no account for " + email + "."));
  }

  public Optional<User> findByTokenHash(String hash) {
    return unique(User.BY_TOKEN, "hash", hash, u -> hash.equals(u.apiTokenHash()));
  }

  /**
   * The user a unique value names: a single-result query, which the entity's cache index answers
   * without the database once the user was read. What the cache gives is checked against the value,
   * and read again from the database if it no longer matches.
   */
  private Optional<User> unique(
      String query, String parameter, String value, Predicate<User> matches) {
    Optional<User> cached =
        single(em.createNamedQuery(query, User.class).setParameter(parameter, value));
    if (cached.isEmpty() || matches.test(cached.get())) {
      return cached;
    }
    return single(
        em.createNamedQuery(query, User.class)
            .setParameter(parameter, value)
            .setHint(QueryHints.CACHE_USAGE, CacheUsage.DoNotCheckCache)
            .setHint(QueryHints.REFRESH, HintValues.TRUE));
  }

  private static Optional<User> single(TypedQuery<User> query) {
    try {
      return Optional.of(query.getSingleResult());
    } catch (NoResultException e) {
      return Optional.empty();
    }
  }

  public User add(User user) {
    em.persist(user);
    em.flush();
    return user;
  }
}
