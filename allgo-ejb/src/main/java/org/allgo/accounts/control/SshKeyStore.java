package org.allgo.accounts.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.allgo.accounts.entity.SshKey;

/** SSH public keys in the database; joins the caller's transaction. */
@Dependent
public class SshKeyStore {

  @PersistenceContext(unitName = "allgo")
  EntityManager em;

  public List<SshKey> ofUser(long userId) {
    return em.createNamedQuery(SshKey.OF_USER, SshKey.class)
        .setParameter("userId", userId)
        .getResultList();
  }

  public Optional<SshKey> findByFingerprint(String fingerprint) {
    return em.createNamedQuery(SshKey.BY_FINGERPRINT, SshKey.class)
        .setParameter("fingerprint", fingerprint)
        .getResultStream()
        .findFirst();
  }

  public Optional<SshKey> findById(long id) {
    return Optional.ofNullable(em.find(SshKey.class, id));
  }

  public SshKey add(SshKey key) {
    em.persist(key);
    em.flush();
    return key;
  }

  public void remove(SshKey key) {
    em.remove(key);
  }
}
