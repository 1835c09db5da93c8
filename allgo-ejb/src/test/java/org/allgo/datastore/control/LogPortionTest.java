package org.allgo.datastore.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.allgo.datastore.entity.JobLogView;
import org.junit.jupiter.api.Test;

class LogPortionTest {

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aGrowingLogIsCutAfterItsLastWholeLine() {
    JobLogView portion = LogPortion.of(utf8("one\ntwo\nthr"), 0, 11, false, false);

    assertThat(portion.text()).isEqualTo("one\ntwo\n");
    assertThat(portion.next()).isEqualTo(8);
    assertThat(portion.ended()).isFalse();
  }

  @Test
  void aCompleteLogEndsWithItsLastLineEvenWithoutLineBreak() {
    JobLogView portion = LogPortion.of(utf8("two\nend"), 4, 11, true, false);

    assertThat(portion.offset()).isEqualTo(4);
    assertThat(portion.text()).isEqualTo("two\nend");
    assertThat(portion.next()).isEqualTo(11);
    assertThat(portion.ended()).isTrue();
  }

  @Test
  void aCompleteLogReadInPartsIsNotEndedBeforeItsEnd() {
    JobLogView portion = LogPortion.of(utf8("one\ntwo"), 0, 100, true, false);

    assertThat(portion.text()).isEqualTo("one\n");
    assertThat(portion.ended()).isFalse();
  }

  @Test
  void aPartialLineAtTheEndOfAGrowingLogWaits() {
    JobLogView portion = LogPortion.of(utf8("no line break yet"), 5, 22, false, false);

    assertThat(portion.text()).isEmpty();
    assertThat(portion.next()).isEqualTo(5);
  }

  @Test
  void aLineLongerThanAPortionIsCutBetweenCharacters() {
    byte[] line = utf8("ééé");
    byte[] read = Arrays.copyOf(line, 5);

    JobLogView portion = LogPortion.of(read, 0, 100, false, false);

    assertThat(portion.text()).isEqualTo("éé");
    assertThat(portion.next()).isEqualTo(4);
  }

  @Test
  void aWholeCharacterAtTheCutIsKept() {
    JobLogView portion = LogPortion.of(utf8("a€"), 0, 100, false, false);

    assertThat(portion.text()).isEqualTo("a€");
    assertThat(portion.next()).isEqualTo(4);
  }

  @Test
  void aTailStartsAtALine() {
    JobLogView portion = LogPortion.of(utf8("art of one\ntwo\n"), 10, 25, true, true);

    assertThat(portion.offset()).isEqualTo(21);
    assertThat(portion.text()).isEqualTo("two\n");
    assertThat(portion.ended()).isTrue();
  }

  @Test
  void anEmptyCompleteLogHasEnded() {
    JobLogView portion = LogPortion.of(new byte[0], 0, 0, true, false);

    assertThat(portion.text()).isEmpty();
    assertThat(portion.ended()).isTrue();
  }
}
