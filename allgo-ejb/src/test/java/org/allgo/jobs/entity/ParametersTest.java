package org.allgo.jobs.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.allgo.platform.BusinessException;
import org.junit.jupiter.api.Test;

class ParametersTest {

  @Test
  void blanksSeparateWords() {
    assertThat(Parameters.split("  -n 5\tinput.txt\n out "))
        .containsExactly("-n", "5", "input.txt", "out");
    assertThat(Parameters.split("")).isEmpty();
    assertThat(Parameters.split(null)).isEmpty();
  }

  @Test
  void quotesKeepBlanksAndJoinWithTheirNeighbours() {
    assertThat(Parameters.split("'a b' \"c d\" e'f g'h \"\" ''"))
        .containsExactly("a b", "c d", "ef gh", "", "");
  }

  @Test
  void singleQuotesKeepEverything() {
    assertThat(Parameters.split("'$(id) \\n \"x\"'")).containsExactly("$(id) \\n \"x\"");
  }

  @Test
  void doubleQuotesKeepAllButTheirOwnEscapes() {
    assertThat(Parameters.split("\"say \\\"hi\\\" \\$HOME \\\\ \\n\""))
        .containsExactly("say \"hi\" $HOME \\ \\n");
  }

  @Test
  void aBackslashKeepsTheNextCharacter() {
    assertThat(Parameters.split("a\\ b \\' \\\\")).containsExactly("a b", "'", "\\");
    assertThat(Parameters.split("one\\\ntwo")).containsExactly("onetwo");
  }

  @Test
  void shellSyntaxIsNeverInterpreted() {
    assertThat(Parameters.split("; rm -rf / && echo $(id) `id` | cat > /x * ~ $HOME"))
        .containsExactly(
            ";", "rm", "-rf", "/", "&&", "echo", "$(id)", "`id`", "|", "cat", ">", "/x", "*", "~",
            "$HOME");
  }

  @Test
  void unclosedQuotesAreRefusedWithAClearMessage() {
    assertThat(assertThrows(BusinessException.class, () -> Parameters.split("'open")).getMessage())
        .contains("single quote");
    assertThat(assertThrows(BusinessException.class, () -> Parameters.split("\"open")).getMessage())
        .contains("double quote");
    assertThrows(BusinessException.class, () -> Parameters.split("end\\"));
  }

  @Test
  void controlCharactersAndLengthAreLimited() {
    BusinessException nul = assertThrows(BusinessException.class, () -> Parameters.split("a\0b"));
    assertThat(nul.code()).isEqualTo("invalid-parameters");
    assertThat(nul.getMessage()).contains("control character");
    assertThrows(BusinessException.class, () -> Parameters.split("a\u001bb"));
    assertThrows(
        BusinessException.class, () -> Parameters.split("x".repeat(Parameters.MAX_LENGTH + 1)));
    assertThrows(
        BusinessException.class, () -> Parameters.split("a ".repeat(Parameters.MAX_ARGUMENTS + 1)));
    assertThat(Parameters.split("x".repeat(Parameters.MAX_LENGTH))).hasSize(1);
  }

  @Test
  void unicodeIsKept() {
    assertThat(Parameters.split("été 'naïve ü' 日本")).containsExactly("été", "naïve ü", "日本");
  }
}
