package org.allgo.jobs.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.allgo.jobs.entity.Job;
import org.allgo.jobs.entity.JobFilter;
import org.allgo.jobs.entity.JobState;
import org.allgo.webapps.entity.Webapp;

/**
 * The job lists of the pages, read a page at a time: the matching ids come from the indexes on
 * (user, state, id), (user, id) and (webapp name, id), newest first, then only those jobs are
 * loaded. Dates are compared in SQL with timestamps, which the instant converter would not make of
 * query parameters.
 */
@Dependent
public class JobSearch {

  @PersistenceContext(unitName = "allgo")
  EntityManager em;

  /** Jobs matching the filter; {@code userId} null for everyone's. */
  public long count(Long userId, JobFilter filter) {
    Where where = Where.of(userId, filter);
    Query query = em.createNativeQuery("SELECT COUNT(*) FROM job j" + where.sql());
    where.bind(query);
    return ((Number) query.getSingleResult()).longValue();
  }

  /** A page of the matching jobs, newest first. */
  public List<Job> page(Long userId, JobFilter filter, int first, int size) {
    Where where = Where.of(userId, filter);
    Query query =
        em.createNativeQuery(
            "SELECT j.id FROM job j"
                + where.sql()
                + " ORDER BY j.id DESC"
                + " LIMIT "
                + Math.max(0, size)
                + " OFFSET "
                + Math.max(0, first));
    where.bind(query);
    List<Long> ids =
        ((List<?>) query.getResultList()).stream().map(id -> ((Number) id).longValue()).toList();
    if (ids.isEmpty()) {
      return List.of();
    }
    List<Job> jobs =
        new ArrayList<>(
            em.createQuery(
                    "SELECT j FROM Job j JOIN FETCH j.user JOIN FETCH j.queue WHERE j.id IN :ids",
                    Job.class)
                .setParameter("ids", ids)
                .getResultList());
    jobs.sort(Comparator.comparing(Job::id).reversed());
    return jobs;
  }

  /** The webapp's last jobs that ran and ended, newest first. */
  public List<Job> runs(Webapp webapp, int count) {
    return em.createQuery(
            "SELECT j FROM Job j WHERE j.webapp = :webapp AND j.run.startedAt IS NOT NULL"
                + " AND j.run.finishedAt IS NOT NULL ORDER BY j.id DESC",
            Job.class)
        .setParameter("webapp", webapp)
        .setMaxResults(count)
        .getResultList();
  }

  /** How many jobs each webapp ran, by webapp id; webapps without jobs are absent. */
  public Map<Long, Long> jobsPerWebapp() {
    Map<Long, Long> counts = new HashMap<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT j.webapp_id, COUNT(*) FROM job j WHERE j.webapp_id IS NOT NULL GROUP BY j.webapp_id")
            .getResultList()) {
      Object[] columns = (Object[]) row;
      counts.put(((Number) columns[0]).longValue(), ((Number) columns[1]).longValue());
    }
    return counts;
  }

  /** A WHERE clause and its parameters, numbered from 1. */
  private record Where(String sql, List<Object> parameters) {

    static Where of(Long userId, JobFilter filter) {
      StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
      List<Object> parameters = new ArrayList<>();
      if (userId != null) {
        parameters.add(userId);
        sql.append(" AND j.user_id = ?").append(parameters.size());
      }
      parameters.add(filter.state() == null ? JobState.DELETED.name() : filter.state().name());
      sql.append(filter.state() == null ? " AND j.state <> ?" : " AND j.state = ?")
          .append(parameters.size());
      if (filter.webapp() != null && !filter.webapp().isBlank()) {
        parameters.add(filter.webapp().strip());
        sql.append(" AND j.webapp_name = ?").append(parameters.size());
      }
      if (filter.owner() != null && !filter.owner().isBlank()) {
        parameters.add("%" + like(filter.owner().strip().toLowerCase(Locale.ROOT)) + "%");
        sql.append(" AND j.user_id IN (SELECT u.id FROM users u WHERE LOWER(u.email) LIKE ?")
            .append(parameters.size())
            .append(" ESCAPE '!')");
      }
      if (filter.from() != null) {
        parameters.add(startOf(filter.from()));
        sql.append(" AND j.created_at >= ?").append(parameters.size());
      }
      if (filter.to() != null) {
        parameters.add(startOf(filter.to().plusDays(1)));
        sql.append(" AND j.created_at < ?").append(parameters.size());
      }
      return new Where(sql.toString(), parameters);
    }

    void bind(Query query) {
      for (int i = 0; i < parameters.size(); i++) {
        query.setParameter(i + 1, parameters.get(i));
      }
    }

    private static Timestamp startOf(LocalDate day) {
      return Timestamp.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    private static String like(String text) {
      return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
  }
}
