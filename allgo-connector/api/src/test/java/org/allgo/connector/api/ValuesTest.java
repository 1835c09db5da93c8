package org.allgo.connector.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValuesTest {

  private static final ImageRef IMAGE = ImageRef.parse("127.0.0.1:5000/allgo/dev/app:3");

  @Test
  void imageReferencesParse() {
    assertThat(IMAGE).isEqualTo(new ImageRef("127.0.0.1:5000/allgo/dev/app", "3"));
    assertThat(ImageRef.parse("allgo/busybox")).hasToString("allgo/busybox:latest");
    assertThat(ImageRef.parse("127.0.0.1:5000/allgo/dev/app").tag()).isEqualTo("latest");
    assertThrows(IllegalArgumentException.class, () -> ImageRef.parse("app@sha256:abc"));
    assertThrows(
        IllegalArgumentException.class, () -> ImageRef.parse("app:1@sha256:" + "a".repeat(64)));
    assertThrows(IllegalArgumentException.class, () -> ImageRef.parse("App:1"));
    assertThrows(IllegalArgumentException.class, () -> ImageRef.parse("app:bad tag"));
  }

  @Test
  void imageReferencesMayNameAManifestByDigest() {
    String digest = "sha256:" + "0123456789abcdef".repeat(4);
    ImageRef pinned = ImageRef.parse("127.0.0.1:5000/allgo/dev/app@" + digest);

    assertThat(pinned).isEqualTo(IMAGE.withTag(digest));
    assertThat(pinned.byDigest()).isTrue();
    assertThat(IMAGE.byDigest()).isFalse();
    assertThat(pinned).hasToString("127.0.0.1:5000/allgo/dev/app@" + digest);
  }

  @Test
  void specsHoldAnArgumentVectorAndJobDefaults() {
    List<String> argv = new ArrayList<>(List.of("prog", "a b", "$HOME; rm -rf /"));
    ContainerSpec spec = ContainerSpec.of("dev-job-1", IMAGE, argv);
    argv.clear();

    assertThat(spec.argv()).containsExactly("prog", "a b", "$HOME; rm -rf /");
    assertThat(spec.network()).isEqualTo("none");
    assertThat(spec.privileges()).isEqualTo(Privileges.NONE);
    assertThat(spec.limits()).isEqualTo(Limits.DEFAULT);
    assertThat(
            spec.withEnv("A", "1")
                .withLabel("k", "v")
                .withUser("1000:1000")
                .withWorkingDir("/tmp/job"))
        .satisfies(
            s -> {
              assertThat(s.env()).containsEntry("A", "1");
              assertThat(s.labels()).containsEntry("k", "v");
              assertThat(s.user()).isEqualTo("1000:1000");
              assertThat(s.workingDir()).isEqualTo("/tmp/job");
            });
  }

  @Test
  void invalidSpecsAreRefusedEarly() {
    assertThrows(
        IllegalArgumentException.class, () -> ContainerSpec.of("dev job", IMAGE, List.of("x")));
    assertThrows(
        IllegalArgumentException.class, () -> ContainerSpec.of("dev-job", IMAGE, List.of()));
    ContainerSpec spec = ContainerSpec.of("dev-job", IMAGE, List.of("x"));
    assertThrows(IllegalArgumentException.class, () -> spec.withUser("www-data"));
    assertThrows(IllegalArgumentException.class, () -> spec.withWorkingDir("relative"));
    assertThrows(IllegalArgumentException.class, () -> spec.withEnv("A=B", "c"));
    assertThrows(IllegalArgumentException.class, () -> spec.withNetwork(" "));
    assertThrows(IllegalArgumentException.class, () -> Mount.readOnly("relative", "/x"));
    assertThrows(IllegalArgumentException.class, () -> Mount.readOnly("/a:/b", "/x"));
    assertThrows(IllegalArgumentException.class, () -> Limits.of(1024, 1, 10));
    assertThrows(IllegalArgumentException.class, () -> ExecSpec.of("sh").withTty(0, 24));
    assertThrows(
        NullPointerException.class, () -> spec.withArgv(java.util.Arrays.asList("a", null)));
  }

  @Test
  void logsKeepStreamsApart() {
    ContainerLogs logs =
        new ContainerLogs(
            List.of(
                new LogChunk(LogChunk.Stream.STDOUT, "caf".getBytes(StandardCharsets.UTF_8)),
                new LogChunk(LogChunk.Stream.STDERR, "oops".getBytes(StandardCharsets.UTF_8)),
                new LogChunk(LogChunk.Stream.STDOUT, "é".getBytes(StandardCharsets.UTF_8))));

    assertThat(logs.stdout()).isEqualTo("café");
    assertThat(logs.stderr()).isEqualTo("oops");
  }
}
