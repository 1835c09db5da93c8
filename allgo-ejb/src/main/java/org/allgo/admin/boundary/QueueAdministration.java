package org.allgo.admin.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.allgo.accounts.entity.Role;
import org.allgo.admin.control.AdminStore;
import org.allgo.admin.control.QueueRules;
import org.allgo.admin.entity.QueueDraft;
import org.allgo.admin.entity.QueueView;
import org.allgo.platform.BusinessException;
import org.allgo.queues.entity.JobQueue;

/** Superusers list, create and edit job queues; exactly one queue is the default. */
@Stateless
@RolesAllowed(Role.SUPERUSER_ROLE)
public class QueueAdministration {

  @Inject AdminStore store;

  public List<QueueView> list() {
    return store.queues().stream().map(QueueView::of).toList();
  }

  public QueueView create(QueueDraft draft) {
    QueueDraft clean = QueueRules.check(draft);
    if (store.findQueue(clean.name()).isPresent()) {
      throw BusinessException.conflict(
          "queue-exists", "There is already a queue named " + clean.name() + ".");
    }
    JobQueue queue =
        store.addQueue(
            new JobQueue(
                clean.name(),
                clean.description(),
                clean.timeoutSeconds(),
                clean.cpuMillis(),
                clean.maxJobs(),
                clean.retentionDays()));
    if (clean.isDefault()) {
      store.makeDefault(queue.id());
    }
    return view(queue.id(), clean);
  }

  /** Changes a queue's settings; the name stays. A default queue stays default until another is. */
  public QueueView update(long id, QueueDraft draft) {
    JobQueue queue =
        store
            .findQueue(id)
            .orElseThrow(
                () ->
                    BusinessException.notFound("queue-not-found", "There is no queue " + id + "."));
    QueueDraft clean =
        QueueRules.check(
            new QueueDraft(
                queue.name(),
                draft.description(),
                draft.timeoutSeconds(),
                draft.cpuMillis(),
                draft.maxJobs(),
                draft.retentionDays(),
                draft.isDefault() || queue.isDefault()));
    store.updateQueue(id, clean);
    if (clean.isDefault() && !queue.isDefault()) {
      store.makeDefault(id);
    }
    return view(id, clean);
  }

  private static QueueView view(long id, QueueDraft queue) {
    return new QueueView(
        id,
        queue.name(),
        queue.description(),
        queue.timeoutSeconds(),
        queue.cpuMillis(),
        queue.maxJobs(),
        queue.retentionDays(),
        queue.isDefault());
  }
}
