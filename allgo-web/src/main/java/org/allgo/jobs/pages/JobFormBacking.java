package org.allgo.jobs.pages;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.allgo.accounts.boundary.AccountService;
import org.allgo.datastore.entity.FileNames;
import org.allgo.jobs.entity.JobView;
import org.allgo.jobs.entity.Parameters;
import org.allgo.pages.Pages;
import org.allgo.platform.BusinessException;
import org.allgo.queues.boundary.QueueService;
import org.allgo.queues.entity.QueueView;
import org.allgo.submission.boundary.SubmissionService;
import org.allgo.submission.boundary.UploadService;
import org.allgo.submission.entity.JobDraft;
import org.allgo.submission.entity.Upload;
import org.allgo.submission.entity.UploadView;
import org.allgo.submission.entity.UploadedFile;
import org.allgo.webapps.boundary.InputService;
import org.allgo.webapps.pages.WebappBacking;
import org.omnifaces.cdi.ViewScoped;
import org.primefaces.event.FileUploadEvent;

/**
 * The job form of a webapp's page: files are uploaded one by one as they are dropped or picked
 * ({@link UploadService}, with the API's limits on a caller's waiting files); Run submits the job
 * with them, the parameter string, the queue and the mail choice ({@link
 * SubmissionService#submitUploaded}), then opens the job's page. Files not sent are deleted with
 * the view (OmniFaces ends it when the page is left), or expire.
 */
@Named
@ViewScoped
public class JobFormBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Where the refusals of the form show: next to it. */
  public static final String MESSAGES = "run";

  @Inject SubmissionService submissions;

  @Inject UploadService uploads;

  @Inject QueueService queues;

  @Inject AccountService accounts;

  @Inject WebappBacking page;

  @Inject InputService inputService;

  private List<InputField> fields;

  private final List<UploadView> files = new ArrayList<>();
  private String param = "";
  private String queue;
  private Boolean notifyByMail;
  private List<QueueView> queueList;

  /** A file dropped or picked: uploaded at once; one of the same name is replaced. */
  public void upload(FileUploadEvent event) {
    if (Pages.caller() == null) {
      refuse("Sign in to run jobs.");
      return;
    }
    org.primefaces.model.file.UploadedFile file = event.getFile();
    try (InputStream in = file.getInputStream()) {
      remove(FileNames.sanitize(file.getFileName()));
      files.add(uploads.add(new Upload(file.getFileName(), in)));
    } catch (BusinessException e) {
      refuse(e.getMessage());
    } catch (IOException e) {
      refuse("The file could not be read: send it again.");
    }
  }

  /** Takes a file back out of the job (and out of the file inputs that named it). */
  public void remove(String name) {
    getFields().forEach(f -> f.getFiles().remove(name));
    files.removeIf(
        f -> {
          if (f.name().equals(name)) {
            forget(f);
            return true;
          }
          return false;
        });
  }

  /** Run: the job is submitted with the files received, and its page opens. */
  public void submit() {
    if (Pages.caller() == null) {
      refuse("Sign in to run jobs.");
      return;
    }
    try {
      JobDraft draft =
          isDescribed()
              ? new JobDraft(
                  page.getWebapp().dockerName(), null, getQueue(), getNotifyByMail(), values())
              : new JobDraft(page.getWebapp().dockerName(), param, getQueue(), getNotifyByMail());
      JobView job =
          submissions.submitUploaded(
              draft, files.stream().map(f -> new UploadedFile(f.id(), null)).toList(), null);
      files.clear();
      JobBacking.announce(
          job.id(), "Job " + job.id() + " is submitted: it waits in queue " + job.queue() + ".");
      Pages.redirect(JobAddress.path(job.id()));
    } catch (BusinessException e) {
      if (e.fields().isEmpty()) {
        refuse(e.getMessage());
      }
      e.fields().forEach((field, message) -> refuse(label(field) + ": " + message));
    }
  }

  /** The inputs of the version a job would run, when it describes them; else empty. */
  public List<InputField> getFields() {
    if (fields == null) {
      fields =
          page.getWebapp() == null
              ? List.of()
              : inputService
                  .description(page.getWebapp().dockerName())
                  .map(d -> d.inputs().stream().map(InputField::new).toList())
                  .orElse(List.of());
    }
    return fields;
  }

  /** Whether the job form gives inputs by name rather than one parameter string. */
  public boolean isDescribed() {
    return !getFields().isEmpty();
  }

  /** The names of the files staged for the job, for the file inputs to choose from. */
  public List<String> getStagedNames() {
    return files.stream().map(UploadView::name).toList();
  }

  private Map<String, Object> values() {
    Map<String, Object> values = new LinkedHashMap<>();
    for (InputField field : getFields()) {
      Object value = field.value();
      if (value != null) {
        values.put(field.getId(), value);
      }
    }
    return values;
  }

  private String label(String id) {
    return getFields().stream()
        .filter(f -> f.getId().equals(id))
        .map(InputField::getLabel)
        .findFirst()
        .orElse(id);
  }

  @PreDestroy
  void clear() {
    files.forEach(this::forget);
    files.clear();
  }

  // Outside a request (the session ended) there is no caller: the expiry timer removes it later.
  private void forget(UploadView file) {
    try {
      uploads.delete(file.id());
    } catch (RuntimeException e) {
      // Gone already, or left to expire.
    }
  }

  private static void refuse(String message) {
    Pages.error(MESSAGES, message);
  }

  public List<UploadView> getFiles() {
    return files;
  }

  public long getMaxFileBytes() {
    return submissions.limits().maxFileBytes();
  }

  public int getMaxFiles() {
    return SubmissionService.MAX_FILES;
  }

  public int getMaxParamLength() {
    return Parameters.MAX_LENGTH;
  }

  public List<QueueView> getQueues() {
    if (queueList == null) {
      queueList = queues.list();
    }
    return queueList;
  }

  /** The queue chosen, at first the webapp's own or else the default queue. */
  public String getQueue() {
    if (queue == null) {
      queue =
          page.getWebapp() != null && page.getWebapp().defaultQueue() != null
              ? page.getWebapp().defaultQueue()
              : getQueues().stream()
                  .filter(QueueView::isDefault)
                  .map(QueueView::name)
                  .findFirst()
                  .orElse(null);
    }
    return queue;
  }

  public void setQueue(String queue) {
    this.queue = queue;
  }

  /** Whether to mail the caller when the job ends, at first as their account says. */
  public boolean getNotifyByMail() {
    if (notifyByMail == null) {
      notifyByMail = Pages.caller() != null && accounts.getAccount().notifyJobFinished();
    }
    return notifyByMail;
  }

  public void setNotifyByMail(boolean notifyByMail) {
    this.notifyByMail = notifyByMail;
  }

  public String getParam() {
    return param;
  }

  public void setParam(String param) {
    this.param = param == null ? "" : param;
  }
}
