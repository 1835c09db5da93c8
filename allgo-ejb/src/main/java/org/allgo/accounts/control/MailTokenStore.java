package org.allgo.accounts.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import org.allgo.accounts.entity.MailToken;
import org.allgo.accounts.entity.TokenPurpose;
import org.allgo.accounts.entity.User;

/** Single-use links sent by mail; joins the caller's transaction. */
@Dependent
public class MailTokenStore {

  @PersistenceContext(unitName = "allgo")
  EntityManager em;

  /**
   * Issues a link for the user: earlier unused links of the same purpose stop working.
   *
   * @return the secret to put in the link; only its hash is stored
   */
  public String issue(User user, TokenPurpose purpose, String email, Instant now) {
    em.createNamedQuery(MailToken.UNUSED_OF_USER, MailToken.class)
        .setParameter("user", user)
        .setParameter("purpose", purpose)
        .getResultList()
        .forEach(t -> t.revoke(now));
    String token = Tokens.newToken();
    em.persist(new MailToken(user, purpose, Tokens.hash(token), email, now));
    return token;
  }

  /** How many links of this purpose the user was sent from {@code since} on. */
  public long countIssuedSince(User user, TokenPurpose purpose, Instant since) {
    return em.createNamedQuery(MailToken.COUNT_ISSUED_SINCE, Long.class)
        .setParameter("user", user)
        .setParameter("purpose", purpose)
        .setParameter("since", since)
        .getSingleResult();
  }

  public Optional<MailToken> find(String token, TokenPurpose purpose) {
    if (!Tokens.isWellFormed(token)) {
      return Optional.empty();
    }
    return em.createNamedQuery(MailToken.BY_HASH, MailToken.class)
        .setParameter("hash", Tokens.hash(token))
        .setParameter("purpose", purpose)
        .getResultStream()
        .findFirst();
  }
}
