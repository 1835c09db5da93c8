package org.allgo.jobs.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.allgo.platform.BusinessException;
import org.junit.jupiter.api.Test;

class ParameterSplitterTest {

  @Test
  void blanksSeparateWords() {
    assertThat(ParameterSplitter.split("  -n 5\tinput.txt\n out "))
        .containsExactly("-n", "5", "input.txt", "out");
    assertThat(ParameterSplitter.split("")).isEmpty();
    assertThat(ParameterSplitter.split(null)).isEmpty();
  }

  @Test
  void quotesKeepBlanksAndJoinWithTheirNeighbours() {
    assertThat(ParameterSplitter.split("'a b' \"c d\" e'f g'h \"\" ''"))
        .containsExactly("a b", "c d", "ef gh", "", "");
  }

  @Test
  void singleQuotesKeepEverything() {
    assertThat(ParameterSplitter.split("'$(id) \\n \"x\"'")).containsExactly("$(id) \\n \"x\"");
  }

  @Test
  void doubleQuotesKeepAllButTheirOwnEscapes() {
    assertThat(ParameterSplitter.split("\"say \\\"hi\\\" \\$HOME \\\\ \\n\""))
        .containsExactly("say \"hi\" $HOME \\ \\n");
  }

  @Test
  void aBackslashKeepsTheNextCharacter() {
    assertThat(ParameterSplitter.split("a\\ b \\' \\\\")).containsExactly("a b", "'", "\\");
    assertThat(ParameterSplitter.split("one\\\ntwo")).containsExactly("onetwo");
  }

  @Test
  void shellSyntaxIsNeverInterpreted() {
    assertThat(ParameterSplitter.split("; rm -rf / && echo $(id) `id` | cat > /x * ~ $HOME"))
        .containsExactly(
            ";", "rm", "-rf", "/", "&&", "echo", "$(id)", "`id`", "|", "cat", ">", "/x", "*", "~",
            "$HOME");
  }

  @Test
  void unclosedQuotesAreRefusedWithAClearMessage() {
    assertThat(
            assertThrows(BusinessException.class, () -> ParameterSplitter.split("'open"))
                .getMessage())
        .contains("single quote");
    assertThat(
            assertThrows(BusinessException.class, () -> ParameterSplitter.split("\"open"))
                .getMessage())
        .contains("double quote");
    assertThrows(BusinessException.class, () -> ParameterSplitter.split("end\\"));
  }

  @Test
  void controlCharactersAndLengthAreLimited() {
    BusinessException nul =
        assertThrows(BusinessException.class, () -> ParameterSplitter.split("a\0b"));
    assertThat(nul.code()).isEqualTo("invalid-parameters");
    assertThat(nul.getMessage()).contains("control character");
    assertThrows(BusinessException.class, () -> ParameterSplitter.split("a\u001bb"));
    assertThrows(
        BusinessException.class,
        () -> ParameterSplitter.split("x".repeat(ParameterSplitter.MAX_LENGTH + 1)));
    assertThrows(
        BusinessException.class,
        () -> ParameterSplitter.split("a ".repeat(ParameterSplitter.MAX_ARGUMENTS + 1)));
    assertThat(ParameterSplitter.split("x".repeat(ParameterSplitter.MAX_LENGTH))).hasSize(1);
  }

  @Test
  void unicodeIsKept() {
    assertThat(ParameterSplitter.split("été 'naïve ü' 日本")).containsExactly("été", "naïve ü", "日本");
  }
}
