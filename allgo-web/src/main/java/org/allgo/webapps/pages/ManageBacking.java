package org.allgo.webapps.pages;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.Serializable;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.allgo.accounts.boundary.SshKeyService;
import org.allgo.batch.entity.ExecutionView;
import org.allgo.pages.Pages;
import org.allgo.platform.BusinessException;
import org.allgo.webapps.boundary.BaseImageService;
import org.allgo.webapps.boundary.InputService;
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

  @Inject BaseImageService images;

  @Inject SandboxService sandboxes;

  @Inject VersionService versions;

  @Inject SshKeyService sshKeys;

  @Inject InputService inputs;

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
  private Checklist checklist;
  private String descriptor;

  /** View action: only those who manage the webapp get this page. */
  public void load() {
    try {
      webapp = webapps.get(name == null ? "" : name);
      if (webapp.sandbox() == null) {
        throw new BusinessException(
            BusinessException.Kind.FORBIDDEN,
            "not-your-webapp",
            "Only the owner of " + name + " and superusers may manage it.");
      }
      form = WebappForm.of(webapp);
      baseImages = images.list();
      baseImage = baseImages.isEmpty() ? null : baseImages.get(0).name();
      readVersions();
      readDescriptor();
      sandboxDisk = isSandboxRunning() ? sandboxes.diskUse(name).orElse(null) : null;
      check();
    } catch (BusinessException e) {
      Pages.fail(e);
    }
  }

  /** Ticks the author's checklist from what is true now; the program is asked of the sandbox. */
  public void check() {
    boolean ready = !getReadyVersions().isEmpty();
    checklist =
        new Checklist(
            !sshKeys.list().isEmpty(),
            isSandboxRunning(),
            // Asked only of a running sandbox: no call at all for a stopped one.
            isSandboxRunning() ? sandboxes.holdsProgram(name).orElse(null) : null,
            ready,
            ready && webapp.visibility() == Visibility.PUBLIC);
  }

  public Checklist getChecklist() {
    return checklist;
  }

  public void save() {
    if (Pages.attempt(() -> webapp = webapps.update(name, form.draft(name)))) {
      Pages.info("The settings of " + webapp.name() + " are saved.");
      check();
    }
  }

  public void startFromBaseImage() {
    start(baseImage, null, "base image " + baseImage);
  }

  public void startFromVersion() {
    start(null, startVersion, "version " + startVersion);
  }

  private void start(String image, String version, String what) {
    if (Pages.attempt(() -> webapp = sandboxes.start(name, image, version))) {
      Pages.info("The sandbox runs, from " + what + ". Reach it with: " + webapp.sandbox().ssh());
    }
    refresh();
    check();
  }

  public void stop() {
    if (Pages.attempt(() -> webapp = sandboxes.stop(name))) {
      Pages.info("The sandbox is stopped.");
    }
    refresh();
    check();
  }

  public void commit() {
    VersionView[] started = new VersionView[1];
    if (Pages.attempt(
        () -> started[0] = versions.commit(name, blankToNull(commitNumber), commitDescription))) {
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
    if (Pages.attempt(() -> webapp = versions.pin(name, number))) {
      Pages.info(
          number == null
              ? "Jobs use the newest ready version again."
              : "Jobs use version " + number + ".");
    }
  }

  public void unpin() {
    pin(null);
  }

  /** Keeps the Boutiques descriptor of the form as the draft the next version takes. */
  public void describeInputs() {
    if (descriptor == null || descriptor.isBlank()) {
      Pages.error("Paste a Boutiques descriptor (JSON), or remove the description.");
      return;
    }
    JsonObject given;
    try (JsonReader reader = Json.createReader(new StringReader(descriptor))) {
      given = reader.readObject();
    } catch (JsonException e) {
      Pages.error("The descriptor is not a JSON object: " + e.getMessage());
      return;
    }
    if (Pages.attempt(() -> inputs.describe(name, given))) {
      Pages.info("The inputs are described: the next version you commit takes them.");
      readDescriptor();
    }
  }

  /** The next version takes a free parameter string again. */
  public void clearInputs() {
    if (Pages.attempt(() -> inputs.clear(name))) {
      Pages.info("The description is removed: the next version you commit takes a free string.");
      descriptor = null;
    }
  }

  private void readDescriptor() {
    try {
      descriptor = pretty(inputs.draft(name));
    } catch (BusinessException e) {
      descriptor = null;
    }
  }

  private static String pretty(JsonObject json) {
    StringWriter out = new StringWriter();
    try (JsonWriter writer =
        Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
      writer.writeObject(json);
    }
    return out.toString().strip();
  }

  /** The draft description of the inputs, as Boutiques JSON; null when none. */
  public String getDescriptor() {
    return descriptor;
  }

  public void setDescriptor(String descriptor) {
    this.descriptor = descriptor;
  }

  public void delete() {
    if (Pages.attempt(() -> webapps.delete(name))) {
      Pages.info("The webapp " + name + " is deleted, with its sandbox and its images.");
      Pages.redirect("/webapps/mine");
    }
  }

  /** What the page's poll calls while a commit runs: the versions and their executions again. */
  public void refresh() {
    try {
      webapp = webapps.get(name);
      readVersions();
    } catch (BusinessException e) {
      Pages.error(e.getMessage());
    }
  }

  private void readVersions() {
    versionList = versions.list(name);
    executions = isCommitting() ? versions.commits(name) : Map.of();
  }

  /** Whether a commit is still under way: the page polls while it is. */
  public boolean isCommitting() {
    return versionList.stream().anyMatch(v -> v.state().committing());
  }

  /** The batch execution of a version being committed, if it is still known. */
  public ExecutionView execution(VersionView version) {
    return version.batchExecutionId() == null ? null : executions.get(version.batchExecutionId());
  }

  /** Steps done of the commit job (commit, check, push, publish), as a percentage. */
  public int progress(VersionView version) {
    return VersionCharts.progress(execution(version));
  }

  public List<VersionView> getReadyVersions() {
    return versionList.stream().filter(v -> v.state() == VersionState.READY).toList();
  }

  /** What the running sandbox holds of its own, in bytes, as loaded; null if unknown. */
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
    return VersionCharts.sizes(versionList);
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
