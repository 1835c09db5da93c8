package org.allgo.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.allgo.client.ApiClient;
import org.allgo.client.ApiException;
import org.allgo.client.api.JobsApi;
import org.allgo.client.api.TokensApi;
import org.allgo.client.model.Credentials;
import org.allgo.client.model.FileLink;
import org.allgo.client.model.JobView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job run end to end with the client generated from the OpenAPI document, as a user's program
 * would: a token from the user's password, a submission with a file on the development webapp
 * {@code sleep}, the job followed to its end, its files listed and downloaded.
 */
class GeneratedClientIT {

  private static final String USER = "guest@localhost";

  private static ApiClient client;

  @TempDir static Path dir;

  @BeforeAll
  static void signIn() throws ApiException {
    String token =
        new TokensApi(client(null))
            .issueToken(new Credentials().email(USER).password("allgo"))
            .getToken();
    client = client(token);
  }

  private static ApiClient client(String token) {
    ApiClient api = new ApiClient();
    api.updateBaseUri(Settings.baseUrl());
    if (token != null) {
      api.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    }
    return api;
  }

  @Test
  void aJobSubmittedWithAFileRunsAndItsFilesDownload() throws ApiException, IOException {
    Path input = Files.writeString(dir.resolve("numbers.txt"), "1\n2\n3\n");
    JobsApi jobs = new JobsApi(client);

    JobView submitted = jobs.submitJob(null, "sleep", "1", null, false, List.of(input.toFile()));
    assertThat(submitted.getState()).isIn(JobView.StateEnum.NEW, JobView.StateEnum.WAITING);

    JobView done =
        await()
            .atMost(Duration.ofMinutes(3))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> jobs.getJob(submitted.getId()),
                job -> job.getState() == JobView.StateEnum.DONE);
    assertThat(done.getResult()).isEqualTo(JobView.ResultEnum.SUCCESS);
    assertThat(done.getExitCode()).isZero();

    List<FileLink> files = jobs.listJobFiles(done.getId());
    assertThat(files)
        .extracting(FileLink::getName)
        .contains("numbers.txt", "sleep-output.txt", "allgo.log");

    File output = jobs.downloadJobFile(done.getId(), "sleep-output.txt");
    assertThat(Files.readString(output.toPath(), StandardCharsets.UTF_8))
        .isEqualTo("slept 1 seconds\n");
    File back = jobs.downloadJobFile(done.getId(), "numbers.txt");
    assertThat(Files.readString(back.toPath(), StandardCharsets.UTF_8)).isEqualTo("1\n2\n3\n");
  }

  @Test
  void aRefusalIsAProblemTheClientReads() {
    ApiException refused =
        assertThrows(ApiException.class, () -> new JobsApi(client).getJob(999_999_999L));
    assertThat(refused.getCode()).isEqualTo(404);
    assertThat(refused.getResponseHeaders().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(refused.getResponseBody()).contains("\"code\":\"job-not-found\"");
  }
}
