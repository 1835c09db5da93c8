package org.allgo.queues.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.allgo.platform.BusinessException;
import org.allgo.queues.entity.JobQueue;

/** Job queues in the database; joins the caller's transaction. */
@Dependent
public class QueueStore {

  @PersistenceContext(unitName = "allgo")
  EntityManager em;

  /** Every queue, by name. */
  public List<JobQueue> all() {
    return em.createNamedQuery(JobQueue.ALL, JobQueue.class).getResultList();
  }

  public Optional<JobQueue> find(String name) {
    return em.createNamedQuery(JobQueue.BY_NAME, JobQueue.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  public JobQueue get(String name) {
    return find(name)
        .orElseThrow(
            () ->
                BusinessException.notFound(
                    "queue-not-found", "There is no job queue named " + name + "."));
  }

  /** The queue of jobs and webapps that name none. */
  public Optional<JobQueue> defaultQueue() {
    return em.createNamedQuery(JobQueue.DEFAULT, JobQueue.class).getResultStream().findFirst();
  }

  public JobQueue add(JobQueue queue) {
    em.persist(queue);
    em.flush();
    return queue;
  }
}
