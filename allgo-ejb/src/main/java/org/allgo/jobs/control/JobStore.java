package org.allgo.jobs.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.allgo.accounts.entity.User;
import org.allgo.jobs.entity.Job;
import org.allgo.jobs.entity.JobResult;
import org.allgo.jobs.entity.JobState;
import org.allgo.platform.BusinessException;
import org.allgo.queues.entity.JobQueue;
import org.allgo.webapps.control.WebappJobs;
import org.allgo.webapps.entity.Webapp;
import org.eclipse.persistence.config.CascadePolicy;
import org.eclipse.persistence.config.QueryHints;
import org.eclipse.persistence.sessions.Session;

/** Jobs and queues in the database; joins the caller's transaction. */
@Dependent
public class JobStore implements WebappJobs {

  @PersistenceContext(unitName = "allgo")
  EntityManager em;

  public Optional<Job> find(long id) {
    return Optional.ofNullable(em.find(Job.class, id));
  }

  public Job get(long id) {
    return find(id)
        .orElseThrow(
            () -> BusinessException.notFound("job-not-found", "There is no job " + id + "."));
  }

  /**
   * The job with its row locked until the transaction ends. A locking read refreshes the entity,
   * and by default its private parts too: its input names would be read each time, for nothing.
   */
  public Optional<Job> lock(long id) {
    return Optional.ofNullable(
        em.find(
            Job.class,
            id,
            LockModeType.PESSIMISTIC_WRITE,
            Map.of(QueryHints.REFRESH_CASCADE, CascadePolicy.NoCascading)));
  }

  public Job add(Job job) {
    em.persist(job);
    em.flush();
    return job;
  }

  public void remove(Job job) {
    em.remove(job);
  }

  /**
   * A user's jobs, newest first, DELETED ones left out.
   *
   * @param state null for any
   * @param webapp docker name, null for any
   * @param before only jobs with a smaller id, null for the newest
   */
  // SQL of its own: with a cursor, MariaDB reads the user's index from the newest job down to the
  // cursor (a page in the middle of 10,000 jobs read 5,000 rows) unless told to take the range.
  public List<Job> of(User user, JobState state, String webapp, Long before, int limit) {
    List<Object> parameters = new ArrayList<>();
    StringBuilder sql =
        new StringBuilder("SELECT * FROM job")
            .append(mysql() ? " FORCE INDEX (ix_job_user)" : "")
            .append(" WHERE user_id = ?");
    parameters.add(user.id());
    sql.append(state == null ? " AND state <> ?" : " AND state = ?");
    parameters.add((state == null ? JobState.DELETED : state).name());
    if (webapp != null) {
      sql.append(" AND webapp_name = ?");
      parameters.add(webapp);
    }
    if (before != null) {
      sql.append(" AND id < ?");
      parameters.add(before);
    }
    sql.append(" ORDER BY id DESC LIMIT ?");
    parameters.add(limit);
    Query query = em.createNativeQuery(sql.toString(), Job.class);
    for (int i = 0; i < parameters.size(); i++) {
      query.setParameter(i + 1, parameters.get(i));
    }
    @SuppressWarnings("unchecked")
    List<Job> jobs = query.getResultList();
    return jobs;
  }

  private boolean mysql() {
    return em.unwrap(Session.class).getPlatform().isMySQL();
  }

  /** The containers of the RUNNING jobs claimed by {@code node} that have one, by job id. */
  public Map<Long, String> runningContainers(String node) {
    return em.createQuery(
            "SELECT j.id, j.run.containerId FROM Job j WHERE j.state = :state"
                + " AND j.run.claimedBy = :node AND j.run.containerId IS NOT NULL",
            Object[].class)
        .setParameter("state", JobState.RUNNING)
        .setParameter("node", node)
        .getResultStream()
        .collect(Collectors.toMap(row -> (Long) row[0], row -> (String) row[1]));
  }

  public List<Job> inState(JobState state) {
    return em.createQuery("SELECT j FROM Job j WHERE j.state = :state ORDER BY j.id", Job.class)
        .setParameter("state", state)
        .getResultList();
  }

  /** The webapp's last successful jobs, newest first. */
  public List<Job> recentSuccesses(Webapp webapp, int count) {
    return em.createQuery(
            "SELECT j FROM Job j WHERE j.webapp = :webapp AND j.run.result = :success"
                + " AND j.run.finishedAt IS NOT NULL AND j.run.startedAt IS NOT NULL"
                + " ORDER BY j.id DESC",
            Job.class)
        .setParameter("success", JobResult.SUCCESS)
        .setParameter("webapp", webapp)
        .setMaxResults(count)
        .getResultList();
  }

  @Override
  public long activeJobs(Webapp webapp) {
    return em.createQuery(
            "SELECT COUNT(j) FROM Job j WHERE j.webapp = :webapp AND j.state IN :active",
            Long.class)
        .setParameter("active", List.of(JobState.NEW, JobState.WAITING, JobState.RUNNING))
        .setParameter("webapp", webapp)
        .getSingleResult();
  }

  /** DONE jobs of the queue that ended before {@code before}. */
  // Compared here rather than in JPQL: the instant converter does not apply to query parameters.
  public List<Long> expired(JobQueue queue, Instant before) {
    return em.createQuery(
            "SELECT j.id, j.run.finishedAt FROM Job j WHERE j.state = :done AND j.queue = :queue"
                + " ORDER BY j.id",
            Object[].class)
        .setParameter("done", JobState.DONE)
        .setParameter("queue", queue)
        .getResultStream()
        .filter(row -> row[1] == null || instant(row[1]).isBefore(before))
        .map(row -> (Long) row[0])
        .toList();
  }

  /** Jobs whose submission broke off before their files were stored. */
  public List<Long> staleNew(Instant before) {
    return inState(JobState.NEW).stream()
        .filter(j -> j.createdAt().isBefore(before))
        .map(Job::id)
        .toList();
  }

  /** A timestamp column read in a projection, which the instant converter does not see. */
  public static Instant instant(Object value) {
    return value instanceof java.sql.Timestamp t ? t.toInstant() : (Instant) value;
  }
}
