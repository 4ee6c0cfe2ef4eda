package io.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class YearsTest {
  @Test
  void yearsAreFourDigitNumbersFrom1900To2099StandingAlone() {
    String text = "September 18th, 2013, 05:31 GMT. The flaw, first seen in 2012 (and again in 2013), "
        + "cost $2013.50 or 12013 users; 1899 and 2100 are no years here, nor is ID2008 or 2008a or 3.2009.";

    assertThat(Years.named(text)).containsExactly(2012, 2013);
  }

  /** The scan against the regular expression it replaced, on random text made of the characters that matter. */
  @Test
  void theScanFindsWhatTheRegularExpressionFinds() {
    java.util.regex.Pattern year = java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}.,])(19|20)\\d\\d(?![\\p{L}\\p{N}]|[.,]\\d)");
    String alphabet = "0123456789012901290 .,-/ae\u00e9\u00b2\u2166\u0663(";
    java.util.Random random = new java.util.Random(2026);
    for (int round = 0; round < 20_000; round++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(24);
      for (int i = 0; i < length; i++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      java.util.TreeSet<Integer> expected = new java.util.TreeSet<>();
      java.util.regex.Matcher m = year.matcher(text);
      while (m.find()) {
        expected.add(Integer.parseInt(m.group()));
      }
      assertThat(Years.named(text)).as("'%s'", text).containsExactlyElementsOf(expected);
    }
    assertThat(Years.named("\u00e92013 x2013 2013x \u00b22013 2013\u2166 (1999), 2001.5 2002. 2003,x"))
        .containsExactly(1999, 2002, 2003);
  }
}
