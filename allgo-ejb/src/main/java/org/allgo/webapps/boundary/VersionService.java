package org.allgo.webapps.boundary;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.allgo.batch.control.JobRepository;
import org.allgo.batch.entity.ExecutionView;
import org.allgo.platform.BusinessException;
import org.allgo.webapps.control.Access;
import org.allgo.webapps.control.Sandboxes;
import org.allgo.webapps.control.WebappRules;
import org.allgo.webapps.control.WebappSettings;
import org.allgo.webapps.control.WebappStore;
import org.allgo.webapps.control.WebappTransitions;
import org.allgo.webapps.entity.VersionState;
import org.allgo.webapps.entity.VersionView;
import org.allgo.webapps.entity.Webapp;
import org.allgo.webapps.entity.WebappVersion;
import org.allgo.webapps.entity.WebappView;

/**
 * A webapp's versions: committing the sandbox as a new one (the {@code commit-version} batch job),
 * listing them, and pinning the one jobs use.
 */
@Stateless
public class VersionService {

  /** The batch job that commits, checks, pushes and publishes a version. */
  public static final String COMMIT_JOB = "commit-version";

  @Inject Access access;

  @Inject WebappStore webapps;

  @Inject WebappTransitions transitions;

  @Inject Sandboxes sandboxes;

  @Inject WebappSettings settings;

  @Inject WebappService views;

  @Inject JobRepository executions;

  /**
   * Starts committing the running sandbox as version {@code number} (the next integer when null).
   * The version is SANDBOX at once and becomes READY when the batch job ends well.
   */
  // The version row must be committed before the batch job, in another thread, reads it.
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public VersionView commit(String dockerName, String number, String description) {
    Webapp webapp = access.managed(dockerName);
    if (!sandboxes.running(webapp)) {
      throw BusinessException.conflict(
          "sandbox-not-running",
          "The sandbox of "
              + dockerName
              + " is not running: start it, install the program, then commit.");
    }
    String version =
        number == null || number.isBlank() ? nextNumber(webapp) : WebappRules.version(number);
    WebappVersion created =
        transitions.newVersion(
            webapp.id(),
            version,
            WebappRules.text(description, "description", 1000),
            settings.versionImage(dockerName, version).toString());
    Properties parameters = new Properties();
    parameters.setProperty("versionId", created.id().toString());
    long execution = BatchRuntime.getJobOperator().start(COMMIT_JOB, parameters);
    transitions.versionStarted(created.id(), execution);
    transitions.sandboxUsed(webapp.id());
    return transitions.version(created.id()).view();
  }

  public List<VersionView> list(String dockerName) {
    return webapps.versions(access.visible(dockerName)).stream().map(WebappVersion::view).toList();
  }

  public VersionView get(String dockerName, long id) {
    Webapp webapp = access.visible(dockerName);
    return webapps
        .findVersion(id)
        .filter(v -> v.webapp().id().equals(webapp.id()))
        .map(WebappVersion::view)
        .orElseThrow(
            () ->
                BusinessException.notFound(
                    "version-not-found", dockerName + " has no version " + id + "."));
  }

  /**
   * The batch executions of the versions being committed, by execution id, for those who manage the
   * webapp: how far each commit got.
   */
  public Map<Long, ExecutionView> commits(String dockerName) {
    Webapp webapp = access.managed(dockerName);
    return webapps.versions(webapp).stream()
        .filter(v -> v.batchExecutionId() != null && v.state().committing())
        .map(v -> executions.find(v.batchExecutionId()))
        .flatMap(Optional::stream)
        .collect(Collectors.toMap(ExecutionView::id, Function.identity()));
  }

  /** Jobs use the pinned version instead of the newest READY one; null unpins. */
  public WebappView pin(String dockerName, String number) {
    Webapp webapp = access.managed(dockerName);
    if (number == null) {
      webapp.pin(null);
    } else {
      webapp.pin(
          webapps.readyVersions(webapp).stream()
              .filter(v -> v.number().equals(number))
              .findFirst()
              .orElseThrow(
                  () ->
                      BusinessException.invalid(
                          "unknown-version",
                          dockerName + " has no ready version " + number + ".")));
    }
    return views.get(dockerName);
  }

  private String nextNumber(Webapp webapp) {
    int highest =
        webapps.versions(webapp).stream()
            .filter(v -> v.state() != VersionState.ERROR)
            .map(WebappVersion::number)
            .filter(n -> n.matches("\\d{1,9}"))
            .mapToInt(Integer::parseInt)
            .max()
            .orElse(0);
    return Integer.toString(highest + 1);
  }
}
