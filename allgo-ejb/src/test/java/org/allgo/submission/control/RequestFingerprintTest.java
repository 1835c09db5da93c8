package org.allgo.submission.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.allgo.submission.entity.JobDraft;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

  private static final JobDraft DRAFT = new JobDraft("tool", "copy in.txt", null, false);

  private static String of(JobDraft draft, String... files) {
    RequestFingerprint fingerprint = new RequestFingerprint("multipart", draft);
    for (int i = 0; i < files.length; i += 2) {
      fingerprint.file(files[i], files[i + 1]);
    }
    return fingerprint.value();
  }

  @Test
  void theSameRequestHasTheSameFingerprint() {
    assertThat(of(DRAFT, "in.txt", "aa"))
        .isEqualTo(of(new JobDraft("tool", "copy in.txt", null, false), "in.txt", "aa"))
        .hasSize(64)
        .matches("[0-9a-f]+");
  }

  @Test
  void anyDifferenceChangesIt() {
    String first = of(DRAFT, "in.txt", "aa");

    assertThat(of(DRAFT, "in.txt", "ab")).isNotEqualTo(first);
    assertThat(of(DRAFT, "other.txt", "aa")).isNotEqualTo(first);
    assertThat(of(DRAFT)).isNotEqualTo(first);
    assertThat(of(new JobDraft("tool", "copy in.txt", null, true), "in.txt", "aa"))
        .isNotEqualTo(first);
    assertThat(of(new JobDraft("tool", "copy in.txt", "", false), "in.txt", "aa"))
        .isNotEqualTo(first);
    assertThat(new RequestFingerprint("uploads", DRAFT).file("in.txt", "aa").value())
        .isNotEqualTo(first);
  }

  @Test
  void textMovedFromOneFieldToAnotherIsAnotherRequest() {
    assertThat(of(new JobDraft("ab", "c", null, null)))
        .isNotEqualTo(of(new JobDraft("a", "bc", null, null)));
  }

  @Test
  void contentIsDigestedWithSha256() {
    String digest =
        RequestFingerprint.digestOf(
            new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII)));

    assertThat(digest)
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
