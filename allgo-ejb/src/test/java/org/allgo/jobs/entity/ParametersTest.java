package org.allgo.jobs.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.allgo.platform.BusinessException;
import org.junit.jupiter.api.Test;

class ParametersTest {

  @Test
  void theStringIsKeptAsGiven() {
    assertThat(Parameters.of(" -n  5 ").text()).isEqualTo(" -n  5 ");
    assertThat(Parameters.of(null).text()).isEmpty();
  }

  @Test
  void blanksSeparateWords() {
    assertThat(Parameters.of("  -n 5\tinput.txt\n out ").argv())
        .containsExactly("-n", "5", "input.txt", "out");
    assertThat(Parameters.of("").argv()).isEmpty();
    assertThat(Parameters.of(null).argv()).isEmpty();
  }

  @Test
  void quotesKeepBlanksAndJoinWithTheirNeighbours() {
    assertThat(Parameters.of("'a b' \"c d\" e'f g'h \"\" ''").argv())
        .containsExactly("a b", "c d", "ef gh", "", "");
  }

  @Test
  void singleQuotesKeepEverything() {
    assertThat(Parameters.of("'$(id) \\n \"x\"'").argv()).containsExactly("$(id) \\n \"x\"");
  }

  @Test
  void doubleQuotesKeepAllButTheirOwnEscapes() {
    assertThat(Parameters.of("\"say \\\"hi\\\" \\$HOME \\\\ \\n\"").argv())
        .containsExactly("say \"hi\" $HOME \\ \\n");
  }

  @Test
  void aBackslashKeepsTheNextCharacter() {
    assertThat(Parameters.of("a\\ b \\' \\\\").argv()).containsExactly("a b", "'", "\\");
    assertThat(Parameters.of("one\\\ntwo").argv()).containsExactly("onetwo");
  }

  @Test
  void shellSyntaxIsNeverInterpreted() {
    assertThat(Parameters.of("; rm -rf / && echo $(id) `id` | cat > /x * ~ $HOME").argv())
        .containsExactly(
            ";", "rm", "-rf", "/", "&&", "echo", "$(id)", "`id`", "|", "cat", ">", "/x", "*", "~",
            "$HOME");
  }

  @Test
  void unclosedQuotesAreRefusedWithAClearMessage() {
    assertThat(assertThrows(BusinessException.class, () -> Parameters.of("'open")).getMessage())
        .contains("single quote");
    assertThat(assertThrows(BusinessException.class, () -> Parameters.of("\"open")).getMessage())
        .contains("double quote");
    assertThrows(BusinessException.class, () -> Parameters.of("end\\"));
  }

  @Test
  void controlCharactersAndLengthAreLimited() {
    BusinessException nul = assertThrows(BusinessException.class, () -> Parameters.of("a\0b"));
    assertThat(nul.code()).isEqualTo("invalid-parameters");
    assertThat(nul.getMessage()).contains("control character");
    assertThrows(BusinessException.class, () -> Parameters.of("a\u001bb"));
    assertThrows(
        BusinessException.class, () -> Parameters.of("x".repeat(Parameters.MAX_LENGTH + 1)));
    assertThrows(
        BusinessException.class, () -> Parameters.of("a ".repeat(Parameters.MAX_ARGUMENTS + 1)));
    assertThat(Parameters.of("x".repeat(Parameters.MAX_LENGTH)).argv()).hasSize(1);
  }

  @Test
  void unicodeIsKept() {
    assertThat(Parameters.of("été 'naïve ü' 日本").argv()).containsExactly("été", "naïve ü", "日本");
  }

  @Test
  void quotedArgumentsSplitBackExactly() {
    java.util.List<String> argv =
        java.util.List.of(
            "plain", "two words", "it's", "\"double\"", "", "$(id);*", "back\\slash", "--n=3");
    Parameters quoted = Parameters.quoted(argv);

    assertThat(quoted.argv()).isEqualTo(argv);
    assertThat(Parameters.of(quoted.text()).argv()).isEqualTo(argv);
    assertThat(quoted.text()).startsWith("plain 'two words' 'it'\\''s'").endsWith(" --n=3");
  }
}
