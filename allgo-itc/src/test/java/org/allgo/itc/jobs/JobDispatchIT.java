package org.allgo.itc.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.allgo.datastore.boundary.DatastoreService;
import org.allgo.itc.Callers;
import org.allgo.itc.TestDeployment;
import org.allgo.itc.TestUser;
import org.allgo.itc.TestUsers;
import org.allgo.itc.TestWebapps;
import org.allgo.jobs.boundary.JobService;
import org.allgo.jobs.entity.JobState;
import org.allgo.jobs.entity.JobView;
import org.allgo.platform.BusinessException;
import org.allgo.submission.boundary.SubmissionService;
import org.allgo.submission.entity.JobDraft;
import org.allgo.submission.entity.Upload;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Jobs inside the server: submitted through the submission boundary, claimed by the dispatcher, run
 * in a container of the webapp's version through the real connector, finished when the container's
 * exit is heard.
 */
@ExtendWith(ArquillianExtension.class)
class JobDispatchIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return TestDeployment.create();
  }

  @Inject SubmissionService submissions;

  @Inject JobService jobs;

  @Inject DatastoreService datastore;

  @Inject TestUsers users;

  @Inject TestWebapps testWebapps;

  @Inject Callers callers;

  @AfterEach
  void deleteWebapps() {
    testWebapps.deleteCreated();
  }

  @Test
  void aSubmittedJobIsDispatchedAndEndsDoneWithItsOutput() throws IOException {
    TestUser user = users.active("jobs");
    String webapp = testWebapps.ready(user, "/bin/sh").dockerName();
    List<Upload> files =
        List.of(
            new Upload(
                "words.txt",
                new ByteArrayInputStream("hello from a job\n".getBytes(StandardCharsets.UTF_8))));

    JobView submitted =
        callers.asCaller(
            user,
            () ->
                submissions.submit(
                    new JobDraft(webapp, "-c 'cat words.txt; exit 3'", null, false), files));

    assertThat(submitted.state()).isIn(JobState.WAITING, JobState.RUNNING);
    JobView done = awaitEnd(user, submitted.id());
    assertThat(done.state()).isEqualTo(JobState.DONE);
    assertThat(done.exitCode()).isEqualTo(3);
    assertThat(done.version()).isEqualTo("1");
    assertThat(done.startedAt()).isNotNull();
    assertThat(done.finishedAt()).isAfterOrEqualTo(done.startedAt());
    String log =
        Files.readString(callers.asCaller(user, () -> datastore.file(submitted.id(), "allgo.log")));
    assertThat(log).contains("hello from a job");
  }

  @Test
  void aJobIsItsOwnersAndABadOneIsRefusedBeforeItIsQueued() {
    TestUser user = users.active("owner");
    TestUser other = users.active("curious");
    String webapp = testWebapps.ready(user, "/bin/echo").dockerName();
    JobView job =
        callers.asCaller(
            user, () -> submissions.submit(new JobDraft(webapp, "mine", null, false), List.of()));

    BusinessException hidden =
        assertThrows(
            BusinessException.class, () -> callers.asCaller(other, () -> jobs.get(job.id())));
    BusinessException badFile =
        assertThrows(
            BusinessException.class,
            () ->
                callers.asCaller(
                    user,
                    () ->
                        submissions.submit(
                            new JobDraft(webapp, "x", null, false),
                            List.of(
                                new Upload("../escape", new ByteArrayInputStream(new byte[1]))))));

    assertThat(hidden.code()).isEqualTo("job-not-found");
    assertThat(badFile.code()).isEqualTo("invalid-file-name");
    assertThat(awaitEnd(user, job.id()).exitCode()).isZero();
    assertThat(callers.asCaller(user, () -> jobs.list(null, webapp, null, null)))
        .extracting(JobView::id)
        .containsExactly(job.id());
  }

  private JobView awaitEnd(TestUser user, long id) {
    return await("the end of job " + id)
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(200))
        // The calls are made as a user of this test's request, on its thread.
        .pollInSameThread()
        .until(() -> callers.asCaller(user, () -> jobs.get(id)), j -> !j.state().active());
  }
}
