package org.allgo.webapps.pages;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.allgo.batch.boundary.BatchMonitor;
import org.allgo.batch.entity.ExecutionView;
import org.allgo.pages.Charts;
import org.allgo.pages.Pages;
import org.allgo.platform.BusinessException;
import org.allgo.webapps.boundary.SandboxService;
import org.allgo.webapps.boundary.VersionService;
import org.allgo.webapps.boundary.WebappService;
import org.allgo.webapps.entity.BaseImageView;
import org.allgo.webapps.entity.SandboxState;
import org.allgo.webapps.entity.VersionState;
import org.allgo.webapps.entity.VersionView;
import org.allgo.webapps.entity.Visibility;
import org.allgo.webapps.entity.WebappView;

/**
 * {@code /webapps/manage?name=<docker_name>}: the owner's (or a superuser's) page of a webapp — its
 * settings, its sandbox (start from a base image or a version, stop, the SSH line) and its
 * versions, with the progress of commits read from the batch runtime while they run.
 */
@Named
@ViewScoped
public class ManageBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject WebappService webapps;

  @Inject SandboxService sandboxes;

  @Inject VersionService versions;

  @Inject BatchMonitor batch;

  private String name;
  private WebappView webapp;
  private WebappForm form;
  private List<VersionView> versionList = List.of();
  private Map<Long, ExecutionView> executions = Map.of();
  private List<BaseImageView> baseImages = List.of();
  private String baseImage;
  private String startVersion;
  private String commitNumber;
  private String commitDescription;
  private Long sandboxDisk;

  /** View action: only those who manage the webapp get this page. */
  public void load() {
    try {
      webapp = webapps.get(Pages.caller(), name == null ? "" : name);
      if (webapp.sandbox() == null) {
        throw new BusinessException(
            BusinessException.Kind.FORBIDDEN,
            "not-your-webapp",
            "Only the owner of " + name + " and superusers may manage it.");
      }
      form = WebappForm.of(webapp);
      baseImages = webapps.baseImages();
      baseImage = baseImages.isEmpty() ? null : baseImages.get(0).name();
      readVersions();
      sandboxDisk =
          isSandboxRunning() ? sandboxes.diskUse(Pages.caller(), name).orElse(null) : null;
    } catch (BusinessException e) {
      Pages.fail(e);
    }
  }

  public void save() {
    if (Pages.attempt(() -> webapp = webapps.update(Pages.caller(), name, form.draft(name)))) {
      Pages.info("The settings of " + webapp.name() + " are saved.");
    }
  }

  public void startFromBaseImage() {
    start(baseImage, null, "base image " + baseImage);
  }

  public void startFromVersion() {
    start(null, startVersion, "version " + startVersion);
  }

  private void start(String image, String version, String what) {
    if (Pages.attempt(() -> webapp = sandboxes.start(Pages.caller(), name, image, version))) {
      Pages.info("The sandbox runs, from " + what + ". Reach it with: " + webapp.sandbox().ssh());
    }
    refresh();
  }

  public void stop() {
    if (Pages.attempt(() -> webapp = sandboxes.stop(Pages.caller(), name))) {
      Pages.info("The sandbox is stopped.");
    }
    refresh();
  }

  public void commit() {
    VersionView[] started = new VersionView[1];
    if (Pages.attempt(
        () ->
            started[0] =
                versions.commit(
                    Pages.caller(), name, blankToNull(commitNumber), commitDescription))) {
      Pages.info(
          "Committing the sandbox as version "
              + started[0].number()
              + ": follow its progress below.");
      commitNumber = null;
      commitDescription = null;
    }
    readVersions();
  }

  public void pin(String number) {
    if (Pages.attempt(() -> webapp = versions.pin(Pages.caller(), name, number))) {
      Pages.info(
          number == null
              ? "Jobs use the newest ready version again."
              : "Jobs use version " + number + ".");
    }
  }

  public void unpin() {
    pin(null);
  }

  public void delete() {
    if (Pages.attempt(() -> webapps.delete(Pages.caller(), name))) {
      Pages.info("The webapp " + name + " is deleted, with its sandbox and its images.");
      Pages.redirect("/webapps/mine");
    }
  }

  /** What the page's poll calls while a commit runs: the versions and their executions again. */
  public void refresh() {
    try {
      webapp = webapps.get(Pages.caller(), name);
      readVersions();
    } catch (BusinessException e) {
      Pages.error(e.getMessage());
    }
  }

  private void readVersions() {
    versionList = versions.list(Pages.caller(), name);
    executions =
        versionList.stream()
            .filter(v -> v.batchExecutionId() != null && inProgress(v))
            .map(v -> batch.find(v.batchExecutionId()))
            .flatMap(Optional::stream)
            .collect(Collectors.toMap(ExecutionView::id, Function.identity()));
  }

  private static boolean inProgress(VersionView version) {
    return version.state() == VersionState.SANDBOX || version.state() == VersionState.COMMITTED;
  }

  /** Whether a commit is still under way: the page polls while it is. */
  public boolean isCommitting() {
    return versionList.stream().anyMatch(ManageBacking::inProgress);
  }

  /** The batch execution of a version being committed, if it is still known. */
  public ExecutionView execution(VersionView version) {
    return version.batchExecutionId() == null ? null : executions.get(version.batchExecutionId());
  }

  /** Steps done of the commit job (commit, push, publish), as a percentage. */
  public int progress(VersionView version) {
    ExecutionView execution = execution(version);
    if (execution == null) {
      return 0;
    }
    long done = execution.steps().stream().filter(s -> s.status().equals("COMPLETED")).count();
    return (int) (done * 100 / 3);
  }

  public List<VersionView> getReadyVersions() {
    return versionList.stream().filter(v -> v.state() == VersionState.READY).toList();
  }

  /**
   * What the running sandbox holds of its own, in bytes, as the page was loaded; null if unknown.
   */
  public Long getSandboxDisk() {
    return sandboxDisk;
  }

  public boolean isSandboxRunning() {
    return webapp != null
        && webapp.sandbox() != null
        && webapp.sandbox().state() == SandboxState.RUNNING;
  }

  /** Versions' sizes by creation date, as a Chart.js configuration for {@code p:chart}. */
  public String getSizeChart() {
    List<VersionView> sized =
        versionList.stream()
            .filter(v -> v.state() == VersionState.READY && v.sizeBytes() != null)
            .sorted((a, b) -> a.createdAt().compareTo(b.createdAt()))
            .toList();
    if (sized.isEmpty()) {
      return null;
    }
    return Charts.bar(
        sized.stream()
            .map(v -> v.number() + " (" + v.createdAt().toString().substring(0, 10) + ")")
            .toList(),
        List.of(
            new Charts.Series(
                "Image size (MiB)",
                "#24425f",
                sized.stream().map(v -> v.sizeBytes() / 1048576.0).toList())),
        false,
        null,
        "MiB");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  public Visibility[] getVisibilities() {
    return Visibility.values();
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public WebappView getWebapp() {
    return webapp;
  }

  public WebappForm getForm() {
    return form;
  }

  public List<VersionView> getVersions() {
    return versionList;
  }

  public List<BaseImageView> getBaseImages() {
    return baseImages;
  }

  public String getBaseImage() {
    return baseImage;
  }

  public void setBaseImage(String baseImage) {
    this.baseImage = baseImage;
  }

  public String getStartVersion() {
    return startVersion;
  }

  public void setStartVersion(String startVersion) {
    this.startVersion = startVersion;
  }

  public String getCommitNumber() {
    return commitNumber;
  }

  public void setCommitNumber(String commitNumber) {
    this.commitNumber = commitNumber;
  }

  public String getCommitDescription() {
    return commitDescription;
  }

  public void setCommitDescription(String commitDescription) {
    this.commitDescription = commitDescription;
  }
}
