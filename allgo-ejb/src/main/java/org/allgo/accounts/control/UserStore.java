package org.allgo.accounts.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.NoResultException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Locale;
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

  static final int MAX_SEARCH = 200;

  @PersistenceContext(unitName = "allgo")
  EntityManager em;

  public Optional<User> findById(long id) {
    return Optional.ofNullable(em.find(User.class, id));
  }

  public User getById(long id) {
    return findById(id)
        .orElseThrow(
            () -> BusinessException.notFound("user-not-found", "There is no user " + id + "."));
  }

  /** The user of an e-mail address. */
  public Optional<User> findByEmail(String email) {
    return unique(User.BY_EMAIL, "email", email, u -> u.email().equalsIgnoreCase(email));
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

  /** Users whose e-mail or name contains the text (all of them when blank), by e-mail. */
  public List<User> search(String text) {
    String pattern = "%" + escape(text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) + "%";
    return em.createQuery(
            "SELECT u FROM User u WHERE LOWER(u.email) LIKE :p ESCAPE '\\'"
                + " OR LOWER(u.name) LIKE :p ESCAPE '\\' ORDER BY u.email",
            User.class)
        .setParameter("p", pattern)
        .setMaxResults(MAX_SEARCH)
        .getResultList();
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
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
