package org.allgo.jobs.pages;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.allgo.accounts.boundary.AccountService;
import org.allgo.datastore.entity.FileNames;
import org.allgo.jobs.entity.JobView;
import org.allgo.jobs.entity.ParameterSplitter;
import org.allgo.pages.Formats;
import org.allgo.pages.Pages;
import org.allgo.platform.BusinessException;
import org.allgo.queues.boundary.QueueService;
import org.allgo.queues.entity.QueueView;
import org.allgo.submission.boundary.SubmissionService;
import org.allgo.submission.entity.JobDraft;
import org.allgo.submission.entity.Upload;
import org.allgo.webapps.pages.WebappBacking;
import org.omnifaces.cdi.ViewScoped;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * The job form of a webapp's page: files arrive one by one as they are dropped or picked and wait
 * in a directory of the view's own; Run sends them, the parameter string, the queue and the mail
 * choice to {@link JobService#submit}, which applies the API's rules and limits, then opens the
 * job's page. Files not sent are removed with the view (OmniFaces ends it when the page is left).
 */
@Named
@ViewScoped
public class JobFormBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Where the refusals of the form show: next to it. */
  public static final String MESSAGES = "run";

  /** A file received for the job: its name, its size, and where it waits. */
  public record StagedFile(String name, long size, String path) implements Serializable {}

  @Inject SubmissionService submissions;

  @Inject QueueService queues;

  @Inject AccountService accounts;

  @Inject WebappBacking page;

  @Inject Formats formats;

  private final List<StagedFile> files = new ArrayList<>();
  private String staging;
  private String param = "";
  private String queue;
  private Boolean notifyByMail;
  private List<QueueView> queueList;

  /** A file dropped or picked: checked against the limits at once, then kept for the job. */
  public void upload(FileUploadEvent event) {
    UploadedFile file = event.getFile();
    if (Pages.caller() == null) {
      refuse("Sign in to run jobs.");
      return;
    }
    String name;
    try {
      name = FileNames.sanitize(file.getFileName());
    } catch (BusinessException e) {
      refuse(e.getMessage());
      return;
    }
    long others =
        files.stream().filter(f -> !f.name().equals(name)).mapToLong(StagedFile::size).sum();
    if (file.getSize() > submissions.limits().maxFileBytes()) {
      refuse(
          "The file "
              + name
              + " is larger than "
              + formats.bytes(submissions.limits().maxFileBytes())
              + ".");
    } else if (others + file.getSize() > submissions.limits().maxInputBytes()) {
      refuse(
          "With "
              + name
              + ", the job's files together would be larger than "
              + formats.bytes(submissions.limits().maxInputBytes())
              + ".");
    } else if (files.size() >= SubmissionService.MAX_FILES
        && files.stream().noneMatch(f -> f.name().equals(name))) {
      refuse("A job takes at most " + SubmissionService.MAX_FILES + " files.");
    } else {
      keep(name, file);
    }
  }

  private void keep(String name, UploadedFile file) {
    try (InputStream in = file.getInputStream()) {
      Path kept = Files.createTempFile(stagingDirectory(), "upload-", "");
      Files.copy(in, kept, StandardCopyOption.REPLACE_EXISTING);
      remove(name);
      files.add(new StagedFile(name, Files.size(kept), kept.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot keep the upload " + name, e);
    }
  }

  /** Takes a file back out of the job. */
  public void remove(String name) {
    files.removeIf(
        f -> {
          if (f.name().equals(name)) {
            delete(Path.of(f.path()));
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
    List<InputStream> opened = new ArrayList<>();
    try {
      List<Upload> uploads = new ArrayList<>();
      for (StagedFile file : files) {
        InputStream in = Files.newInputStream(Path.of(file.path()));
        opened.add(in);
        uploads.add(new Upload(file.name(), in));
      }
      JobView job =
          submissions.submit(
              new JobDraft(page.getWebapp().dockerName(), param, getQueue(), getNotifyByMail()),
              uploads);
      clear();
      Pages.info("Job " + job.id() + " is submitted: it waits in queue " + job.queue() + ".");
      Pages.redirect(JobAddress.path(job.id()));
    } catch (BusinessException e) {
      refuse(e.getMessage());
    } catch (IOException e) {
      refuse("A file of the job could not be read back; send it again.");
    } finally {
      opened.forEach(JobFormBacking::close);
    }
  }

  @PreDestroy
  void clear() {
    files.forEach(f -> delete(Path.of(f.path())));
    files.clear();
    if (staging != null) {
      delete(Path.of(staging));
      staging = null;
    }
  }

  private Path stagingDirectory() throws IOException {
    if (staging == null) {
      staging = Files.createTempDirectory("allgo-job-form-").toString();
    }
    return Path.of(staging);
  }

  private static void refuse(String message) {
    Pages.error(MESSAGES, message);
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // The server's temporary directory is cleaned on restart.
    }
  }

  private static void close(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // Read to its end already.
    }
  }

  public List<StagedFile> getFiles() {
    return files;
  }

  public long getMaxFileBytes() {
    return submissions.limits().maxFileBytes();
  }

  public int getMaxFiles() {
    return SubmissionService.MAX_FILES;
  }

  public int getMaxParamLength() {
    return ParameterSplitter.MAX_LENGTH;
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
