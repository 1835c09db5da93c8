package org.allgo.queues.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.allgo.accounts.entity.Role;
import org.allgo.platform.BusinessException;
import org.allgo.queues.control.QueueRules;
import org.allgo.queues.control.QueueStore;
import org.allgo.queues.entity.JobQueue;
import org.allgo.queues.entity.QueueDraft;
import org.allgo.queues.entity.QueueView;

/**
 * Job queues, for the admin page and the API alike: anyone may list them; superusers create and
 * change them, through the entity. Exactly one queue is the default.
 */
@Stateless
public class QueueService {

  @Inject QueueStore queues;

  public List<QueueView> list() {
    return queues.all().stream().map(JobQueue::view).toList();
  }

  public QueueView get(String name) {
    return queues.get(name).view();
  }

  @RolesAllowed(Role.SUPERUSER_ROLE)
  public QueueView create(QueueDraft draft) {
    String name = QueueRules.name(draft.name());
    if (queues.find(name).isPresent()) {
      throw BusinessException.conflict(
          "queue-exists", "There is already a queue named " + name + ".");
    }
    if (draft.timeoutSeconds() == null
        || draft.cpuMillis() == null
        || draft.maxJobs() == null
        || draft.retentionDays() == null) {
      throw BusinessException.invalid(
          "queue-incomplete",
          "A new queue needs timeoutSeconds, cpuMillis, maxJobs and retentionDays.");
    }
    JobQueue queue =
        new JobQueue(
            name,
            QueueRules.description(draft.description()),
            QueueRules.timeout(draft.timeoutSeconds()),
            QueueRules.cpu(draft.cpuMillis()),
            QueueRules.maxJobs(draft.maxJobs()),
            QueueRules.retention(draft.retentionDays()));
    queues.add(queue);
    if (Boolean.TRUE.equals(draft.isDefault())) {
      makeDefault(queue);
    }
    return queue.view();
  }

  /** Changes what the draft names (null fields stay); the name is fixed. */
  @RolesAllowed(Role.SUPERUSER_ROLE)
  public QueueView update(String name, QueueDraft draft) {
    JobQueue queue = queues.get(name);
    if (draft.name() != null && !draft.name().strip().equals(name)) {
      throw BusinessException.invalid("queue-name-fixed", "A queue's name cannot change.");
    }
    if (Boolean.FALSE.equals(draft.isDefault()) && queue.isDefault()) {
      throw BusinessException.invalid(
          "default-queue-needed",
          "There must be a default queue: make another one the default instead.");
    }
    if (draft.description() != null) {
      queue.describe(QueueRules.description(draft.description()));
    }
    queue.limit(
        draft.timeoutSeconds() == null
            ? queue.timeoutSeconds()
            : QueueRules.timeout(draft.timeoutSeconds()),
        draft.cpuMillis() == null ? queue.cpuMillis() : QueueRules.cpu(draft.cpuMillis()),
        draft.maxJobs() == null ? queue.maxJobs() : QueueRules.maxJobs(draft.maxJobs()),
        draft.retentionDays() == null
            ? queue.retentionDays()
            : QueueRules.retention(draft.retentionDays()));
    if (Boolean.TRUE.equals(draft.isDefault())) {
      makeDefault(queue);
    }
    return queue.view();
  }

  private void makeDefault(JobQueue queue) {
    queues.all().forEach(q -> q.makeDefault(q == queue));
  }
}
