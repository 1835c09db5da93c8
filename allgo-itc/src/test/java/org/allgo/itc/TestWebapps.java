package org.allgo.itc;

import static org.awaitility.Awaitility.await;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.allgo.platform.BusinessException;
import org.allgo.webapps.boundary.SandboxService;
import org.allgo.webapps.boundary.VersionService;
import org.allgo.webapps.boundary.WebappService;
import org.allgo.webapps.entity.VersionState;
import org.allgo.webapps.entity.VersionView;
import org.allgo.webapps.entity.WebappDraft;
import org.allgo.webapps.entity.WebappView;

/**
 * Webapps of a test, made through the webapp boundaries as an author makes them. {@link
 * #deleteCreated} deletes them, with their sandboxes and images, when the test ends.
 */
@Dependent
public class TestWebapps {

  private static final Set<VersionState> COMMITTING =
      Set.of(VersionState.SANDBOX, VersionState.COMMITTED);

  @Inject WebappService webapps;

  @Inject SandboxService sandboxes;

  @Inject VersionService versions;

  @Inject Callers callers;

  private final List<Created> created = new ArrayList<>();

  private record Created(TestUser owner, String dockerName) {}

  public static String uniqueDockerName() {
    return "itc-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A draft of a public webapp of 64 MiB whose program is {@code entrypoint}. */
  public static WebappDraft draft(String dockerName, String entrypoint) {
    return new WebappDraft(
        "Test " + dockerName,
        dockerName,
        "A *test* webapp",
        null,
        null,
        null,
        null,
        64,
        entrypoint,
        null);
  }

  /** A new webapp of {@code owner}, its program {@code entrypoint}. */
  public WebappView create(TestUser owner, String entrypoint) {
    String dockerName = uniqueDockerName();
    WebappView webapp =
        callers.asCaller(owner, () -> webapps.create(draft(dockerName, entrypoint)));
    created.add(new Created(owner, dockerName));
    return webapp;
  }

  /**
   * A new webapp whose version 1 is READY: its sandbox, busybox as it is, committed and pushed,
   * then stopped.
   */
  public WebappView ready(TestUser owner, String entrypoint) {
    String name = create(owner, entrypoint).dockerName();
    callers.asCaller(owner, () -> sandboxes.start(name, null, null));
    VersionView commit = callers.asCaller(owner, () -> versions.commit(name, "1", "as it is"));
    VersionView version = awaitCommit(owner, name, commit.id());
    if (version.state() != VersionState.READY) {
      throw new IllegalStateException("version 1 of " + name + " is not ready: " + version);
    }
    callers.asCaller(owner, () -> sandboxes.stop(name));
    return callers.asCaller(owner, () -> webapps.get(name));
  }

  /** The version once its commit job has ended, READY or not. */
  public VersionView awaitCommit(TestUser owner, String dockerName, long id) {
    return await("the commit of version " + id + " of " + dockerName)
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(250))
        // The calls are made as a user of this test's request, on its thread.
        .pollInSameThread()
        .until(
            () -> callers.asCaller(owner, () -> versions.get(dockerName, id)),
            version -> !COMMITTING.contains(version.state()));
  }

  /** Deletes the webapps this made that still exist, with their sandboxes and images. */
  public void deleteCreated() {
    for (Created webapp : created) {
      try {
        callers.asCaller(webapp.owner(), () -> webapps.delete(webapp.dockerName()));
      } catch (BusinessException e) {
        // Deleted by the test already.
      }
    }
    created.clear();
  }
}
