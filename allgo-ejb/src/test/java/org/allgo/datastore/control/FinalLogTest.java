package org.allgo.datastore.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FinalLogTest {

  @TempDir Path dir;

  private Path output(String text) throws IOException {
    return Files.writeString(dir.resolve("live.log"), text);
  }

  private Path job() throws IOException {
    return Files.createDirectories(dir.resolve("job"));
  }

  private static long platformFiles(Path job) throws IOException {
    try (Stream<Path> files = Files.list(job)) {
      return files.filter(f -> f.getFileName().toString().startsWith(".allgo-")).count();
    }
  }

  @Test
  void theLogIsInPlaceOnlyOncePublishedAndStaysAfter() throws IOException {
    Path job = job();
    try (FinalLog log = FinalLog.of(job, output("one\ntwo\n"), 8, null)) {
      assertThat(job.resolve("allgo.log")).doesNotExist();

      log.publish("-- footer --\n");

      assertThat(job.resolve("allgo.log")).content().isEqualTo("one\ntwo\n-- footer --\n");
    }
    assertThat(job.resolve("allgo.log")).content().isEqualTo("one\ntwo\n-- footer --\n");
    assertThat(platformFiles(job)).isZero();
  }

  @Test
  void publishedAgainItEndsWithTheNewFooterOnly() throws IOException {
    Path job = job();
    try (FinalLog log = FinalLog.of(job, output("out\n"), 4, null)) {
      log.publish("result: SUCCESS, a rather long footer\n");
      log.publish("result: ABORTED\n");
    }
    assertThat(job.resolve("allgo.log")).content().isEqualTo("out\nresult: ABORTED\n");
  }

  @Test
  void onlyTheOutputCopiedSoFarIsTakenAndALastLineIsEnded() throws IOException {
    Path job = job();
    try (FinalLog log = FinalLog.of(job, output("partial line and more"), 12, null)) {
      assertThat(log.outputBytes()).isEqualTo(12);
      log.publish("footer\n");
    }
    assertThat(job.resolve("allgo.log")).content().isEqualTo("partial line\nfooter\n");
  }

  @Test
  void aCutOutputSaysSo() throws IOException {
    Path job = job();
    try (FinalLog log = FinalLog.of(job, output("abc"), 3, "[cut here]")) {
      log.publish("footer\n");
    }
    assertThat(job.resolve("allgo.log")).content().isEqualTo("abc\n[cut here]\nfooter\n");
  }

  @Test
  void whatTheProgramLeftUnderTheNameIsReplacedNotFollowed() throws IOException {
    Path job = job();
    Path target = Files.writeString(dir.resolve("target"), "precious");
    Files.createSymbolicLink(job.resolve("allgo.log"), target);

    try (FinalLog log = FinalLog.of(job, output("x\n"), 2, null)) {
      log.publish("footer\n");
    }

    assertThat(Files.isSymbolicLink(job.resolve("allgo.log"))).isFalse();
    assertThat(job.resolve("allgo.log")).content().isEqualTo("x\nfooter\n");
    assertThat(target).content().isEqualTo("precious");
  }
}
