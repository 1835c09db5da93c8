package org.allgo.jobs.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JobFormTest {

  private static String asLatin1(String name) {
    return new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  @Test
  void aFileNameSentAsUtf8BytesIsDecodedAsUtf8() {
    assertThat(JobForm.utf8(asLatin1("café.txt"))).isEqualTo("café.txt");
    assertThat(JobForm.utf8(asLatin1("日本.txt"))).isEqualTo("日本.txt");
  }

  @Test
  void otherNamesAreKeptAsTheyCame() {
    assertThat(JobForm.utf8("plain.txt")).isEqualTo("plain.txt");
    // Latin-1 bytes that are not UTF-8: the name was meant as Latin-1.
    assertThat(JobForm.utf8("caf\u00e9.txt")).isEqualTo("caf\u00e9.txt");
    // Already decoded by the reader.
    assertThat(JobForm.utf8("日本.txt")).isEqualTo("日本.txt");
  }
}
