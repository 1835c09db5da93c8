package org.allgo.connector.outbound;

import static org.allgo.connector.testing.AdapterFixture.BUSYBOX;
import static org.allgo.connector.testing.AdapterFixture.spec;
import static org.allgo.connector.testing.AdapterFixture.uniqueImage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.allgo.connector.api.DockerConnection;
import org.allgo.connector.api.DockerException;
import org.allgo.connector.api.ExecSession;
import org.allgo.connector.api.ExecSpec;
import org.allgo.connector.api.ImageRef;
import org.allgo.connector.api.NotFoundException;
import org.allgo.connector.testing.AdapterExtension;
import org.allgo.connector.testing.AdapterFixture;
import org.allgo.connector.testing.DockerCli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AdapterExtension.class)
class ImagesIT {

  private static final String MANIFEST_V2 = "application/vnd.docker.distribution.manifest.v2+json";

  private final AdapterFixture fixture;
  private final DockerConnection docker;
  private final List<ImageRef> pushed = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  ImagesIT(AdapterFixture fixture, DockerConnection docker) {
    this.fixture = fixture;
    this.docker = docker;
  }

  @AfterEach
  void deletePushedImages() throws Exception {
    for (ImageRef image : pushed) {
      deleteFromRegistry(image);
    }
  }

  @Test
  void sandboxCommittedPushedAndPulledBack() throws Exception {
    String sandbox = docker.run(spec("author", "sleep", "3600"));
    try (ExecSession write =
        docker.exec(sandbox, ExecSpec.of("sh", "-c", "echo v1 > /tmp/version"))) {
      assertThat(write.waitFor(Duration.ofSeconds(20))).isZero();
    }
    ImageRef version = uniqueImage("webapp");

    docker.commit(sandbox, version, Map.of("allgo.version", "1"));
    String digest = docker.push(version);
    pushed.add(version);
    assertThat(digest).isEqualTo(registryDigest(version));
    docker.removeImage(version);
    assertThat(docker.findImage(version)).isEmpty();
    docker.pull(version);

    assertThat(docker.findImage(version)).isPresent();
    assertThat(
            DockerCli.output(
                "image",
                "inspect",
                "-f",
                "{{index .Config.Labels \"allgo.version\"}}",
                version.toString()))
        .isEqualTo("1");
    String job = docker.run(spec(version, "job", "cat", "/tmp/version"));
    docker.waitFor(job, Duration.ofSeconds(30));
    assertThat(docker.logs(job).stdout()).isEqualTo("v1\n");
  }

  @Test
  void aPushedImageIsPulledAndRunByDigestAfterItsTagMoved()
      throws IOException, InterruptedException {
    String sandbox = docker.run(spec("author", "sleep", "3600"));
    ImageRef version = uniqueImage("webapp");
    docker.commit(sandbox, version, Map.of());
    ImageRef pinned = version.withTag(docker.push(version));
    pushed.add(version);
    try (ExecSession write =
        docker.exec(sandbox, ExecSpec.of("sh", "-c", "echo moved > /tmp/version"))) {
      assertThat(write.waitFor(Duration.ofSeconds(20))).isZero();
    }
    docker.commit(sandbox, version, Map.of());
    docker.removeImage(pinned);
    assertThat(docker.findImage(pinned)).isEmpty();

    docker.pull(pinned);

    String job = docker.run(spec(pinned, "job", "cat", "/tmp/version"));
    docker.waitFor(job, Duration.ofSeconds(30));
    assertThat(docker.logs(job).stdout()).isEmpty();
    assertThat(docker.logs(job).stderr()).contains("No such file");
    assertThrows(IllegalArgumentException.class, () -> docker.push(pinned));
  }

  @Test
  void baseImageTaggedIntoTheNamespace() {
    ImageRef copy = uniqueImage("base");

    docker.tag(BUSYBOX, copy);

    assertThat(docker.findImage(copy)).isEqualTo(docker.findImage(BUSYBOX));
    docker.removeImage(copy);
    assertThat(docker.findImage(copy)).isEmpty();
    assertThat(docker.findImage(BUSYBOX)).isPresent();
  }

  @Test
  void pullOfAMissingImageIsNotFound() {
    assertThrows(NotFoundException.class, () -> docker.pull(uniqueImage("missing")));
  }

  @Test
  void pushErrorInsideTheStreamIsReported() throws Exception {
    try (AdapterFixture unreachable = new AdapterFixture(fixture.volumeRoot())) {
      unreachable.adapter().setRegistry("127.0.0.1:5999");
      try (DockerConnection other = unreachable.factory().getConnection()) {
        ImageRef image =
            ImageRef.parse("127.0.0.1:5999/allgo/" + AdapterFixture.ENVIRONMENT + "/nowhere:1");
        other.tag(BUSYBOX, image);

        DockerException failure = assertThrows(DockerException.class, () -> other.push(image));

        assertThat(failure.getMessage()).contains("Cannot push " + image);
        DockerCli.output("rmi", image.toString());
      }
    }
  }

  private String registryDigest(ImageRef image) throws IOException, InterruptedException {
    URI manifest =
        URI.create(
            "http://"
                + AdapterFixture.REGISTRY
                + "/v2/"
                + path(image)
                + "/manifests/"
                + image.tag());
    HttpResponse<Void> head =
        http.send(
            HttpRequest.newBuilder(manifest)
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("Accept", MANIFEST_V2)
                .build(),
            HttpResponse.BodyHandlers.discarding());
    return head.headers().firstValue("Docker-Content-Digest").orElseThrow();
  }

  private static String path(ImageRef image) {
    return image.repository().substring(AdapterFixture.REGISTRY.length() + 1);
  }

  private void deleteFromRegistry(ImageRef image) throws IOException, InterruptedException {
    String path = path(image);
    String digest = registryDigest(image);
    HttpResponse<Void> delete =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://"
                            + AdapterFixture.REGISTRY
                            + "/v2/"
                            + path
                            + "/manifests/"
                            + digest))
                .DELETE()
                .build(),
            HttpResponse.BodyHandlers.discarding());
    assertThat(delete.statusCode()).isEqualTo(202);
  }
}
