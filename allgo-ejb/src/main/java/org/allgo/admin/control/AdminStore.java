package org.allgo.admin.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.allgo.admin.entity.QueueDraft;
import org.allgo.queues.entity.JobQueue;

/** The admin console's queries on job queues; joins the caller's transaction. */
@Dependent
public class AdminStore {

  @PersistenceContext(unitName = "allgo")
  EntityManager em;

  public List<JobQueue> queues() {
    return em.createNamedQuery(JobQueue.ALL, JobQueue.class).getResultList();
  }

  public Optional<JobQueue> findQueue(long id) {
    return Optional.ofNullable(em.find(JobQueue.class, id));
  }

  public Optional<JobQueue> findQueue(String name) {
    return em.createNamedQuery(JobQueue.BY_NAME, JobQueue.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  public JobQueue addQueue(JobQueue queue) {
    em.persist(queue);
    em.flush();
    return queue;
  }

  // Queue settings change by update statements: the entity belongs to the jobs feature and stays
  // as it is; EclipseLink drops the cached queues after a bulk update.
  public void updateQueue(long id, QueueDraft draft) {
    em.createQuery(
            "UPDATE JobQueue q SET q.description = :description,"
                + " q.timeoutSeconds = :timeout, q.cpuMillis = :cpu, q.maxJobs = :max,"
                + " q.retentionDays = :retention WHERE q.id = :id")
        .setParameter("description", draft.description())
        .setParameter("timeout", draft.timeoutSeconds())
        .setParameter("cpu", draft.cpuMillis())
        .setParameter("max", draft.maxJobs())
        .setParameter("retention", draft.retentionDays())
        .setParameter("id", id)
        .executeUpdate();
  }

  /** Makes this queue the only default one. */
  public void makeDefault(long id) {
    em.createQuery("UPDATE JobQueue q SET q.isDefault = FALSE WHERE q.id <> :id")
        .setParameter("id", id)
        .executeUpdate();
    em.createQuery("UPDATE JobQueue q SET q.isDefault = TRUE WHERE q.id = :id")
        .setParameter("id", id)
        .executeUpdate();
  }
}
