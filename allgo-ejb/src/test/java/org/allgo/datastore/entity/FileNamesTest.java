package org.allgo.datastore.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.allgo.platform.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileNamesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "input.txt",
        "data 1.csv",
        "été.fasta",
        ".hidden",
        "a..b",
        "-n",
        "日本.txt",
        "$(id)"
      })
  void ordinaryNamesAreKept(String name) {
    assertThat(FileNames.sanitize(name)).isEqualTo(name);
    assertThat(FileNames.isValid(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../etc/passwd",
        "a/b",
        "/abs",
        "dir\\file",
        "..",
        ".",
        "a\0b",
        "a\nb",
        "tab\there",
        "esc\u001b[31m",
        "",
        "   ",
        "allgo.log",
        "invoice\u202Efdp.exe",
        "a\u2066b\u2069.txt",
        "rtl\u200Fmark",
        "arabic\u061Cmark"
      })
  void dangerousNamesAreRefused(String name) {
    BusinessException refused =
        assertThrows(BusinessException.class, () -> FileNames.sanitize(name));
    assertThat(refused.code()).isEqualTo("invalid-file-name");
    assertThat(refused.getMessage())
        .doesNotContain("\0")
        .doesNotContain("\n")
        .doesNotContain("\u202E")
        .doesNotContain("\u2066");
  }

  @Test
  void surroundingBlanksGoAndUnicodeIsComposed() {
    assertThat(FileNames.sanitize("  report.pdf ")).isEqualTo("report.pdf");
    assertThat(FileNames.sanitize("e\u0301te.txt")).isEqualTo("\u00e9te.txt");
  }

  @Test
  void namesAreLimitedTo255Bytes() {
    assertThat(FileNames.sanitize("a".repeat(255))).hasSize(255);
    assertThrows(BusinessException.class, () -> FileNames.sanitize("a".repeat(256)));
    assertThrows(BusinessException.class, () -> FileNames.sanitize("é".repeat(128)));
  }

  @Test
  void theLogIsAValidNameToReadButNotToUpload() {
    assertThat(FileNames.isValid("allgo.log")).isTrue();
    assertThat(FileNames.isValid("../allgo.log")).isFalse();
    assertThat(FileNames.isValid(" x")).isFalse();
  }
}
