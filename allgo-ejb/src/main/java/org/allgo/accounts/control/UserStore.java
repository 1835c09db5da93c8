package org.allgo.accounts.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.allgo.accounts.entity.User;
import org.allgo.platform.BusinessException;

/** Users in the database; joins the caller's transaction. */
@Dependent
public class UserStore {

  @PersistenceContext(unitName = "allgo")
  EntityManager em;

  public Optional<User> findById(long id) {
    return Optional.ofNullable(em.find(User.class, id));
  }

  public User getById(long id) {
    return findById(id).orElseThrow(() -> BusinessException.notFound("user-not-found",
        "There is no user " + id + "."));
  }

  public Optional<User> findByEmail(String email) {
    return em.createNamedQuery(User.BY_EMAIL, User.class)
        .setParameter("email", email)
        .getResultStream()
        .findFirst();
  }

  public User getByEmail(String email) {
    return findByEmail(email).orElseThrow(() -> BusinessException.notFound("user-not-found",
        "There is no account for " + email + "."));
  }

  public Optional<User> findByTokenHash(String hash) {
    return em.createNamedQuery(User.BY_TOKEN, User.class)
        .setParameter("hash", hash)
        .getResultStream()
        .findFirst();
  }

  public User add(User user) {
    em.persist(user);
    em.flush();
    return user;
  }
}
