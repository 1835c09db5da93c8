package org.allgo.admin.pages;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.allgo.pages.Pages;
import org.allgo.queues.boundary.QueueService;
import org.allgo.queues.entity.QueueDraft;
import org.allgo.queues.entity.QueueView;

/**
 * {@code /admin/queues}: the job queues; create one, or edit one picked from the list (the same
 * service and rules as the API's).
 */
@Named
@ViewScoped
public class QueuesBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject QueueService queues;

  private List<QueueView> list;
  private String editing;
  private String name;
  private String description;
  private int timeoutSeconds = 3600;
  private int cpuMillis = 1000;
  private int maxJobs = 2;
  private int retentionDays = 30;
  private boolean isDefault;

  @PostConstruct
  void load() {
    list = queues.list();
  }

  public void edit(QueueView queue) {
    editing = queue.name();
    name = queue.name();
    description = queue.description();
    timeoutSeconds = queue.timeoutSeconds();
    cpuMillis = queue.cpuMillis();
    maxJobs = queue.maxJobs();
    retentionDays = queue.retentionDays();
    isDefault = queue.isDefault();
  }

  public void cancel() {
    editing = null;
    name = null;
    description = null;
    isDefault = false;
  }

  public void save() {
    QueueDraft draft =
        new QueueDraft(
            name, description, timeoutSeconds, cpuMillis, maxJobs, retentionDays, isDefault);
    QueueView[] saved = new QueueView[1];
    if (Pages.attempt(
        () -> saved[0] = editing == null ? queues.create(draft) : queues.update(editing, draft))) {
      Pages.info(
          "The queue " + saved[0].name() + (editing == null ? " is created." : " is saved."));
      cancel();
      list = queues.list();
    }
  }

  public List<QueueView> getQueues() {
    return list;
  }

  public boolean isEditing() {
    return editing != null;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public int getTimeoutSeconds() {
    return timeoutSeconds;
  }

  public void setTimeoutSeconds(int timeoutSeconds) {
    this.timeoutSeconds = timeoutSeconds;
  }

  public int getCpuMillis() {
    return cpuMillis;
  }

  public void setCpuMillis(int cpuMillis) {
    this.cpuMillis = cpuMillis;
  }

  public int getMaxJobs() {
    return maxJobs;
  }

  public void setMaxJobs(int maxJobs) {
    this.maxJobs = maxJobs;
  }

  public int getRetentionDays() {
    return retentionDays;
  }

  public void setRetentionDays(int retentionDays) {
    this.retentionDays = retentionDays;
  }

  public boolean isDefaultQueue() {
    return isDefault;
  }

  public void setDefaultQueue(boolean isDefault) {
    this.isDefault = isDefault;
  }
}
