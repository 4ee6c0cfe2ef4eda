package io.newsflow.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What looks like a tag in text that does not say whether it is markup; the headline cases are in enrich's TextCleanerTest. */
class MarkupTagsTest {
  @Test
  void bracketedNamesAreFoundTagsAreNot() {
    assertThat(MarkupTags.bracketedNames("COBANCO INC <CBCO> YEAR NET")).containsExactly("CBCO");
    assertThat(MarkupTags.bracketedNames("<IVACO INC> buys <span class=\"x\">a</span> stake in <Kokomo Co>"))
        .containsExactly("IVACO INC", "Kokomo Co");
    assertThat(MarkupTags.bracketedNames("<b>Bold</b> and 3 < 4")).isEmpty();
  }

  @Test
  void namesLoseTheirBracketsOrKeepThemEscapedAndTagsStay() {
    String headline = "<b>DU PONT</b> CO <DD> LAUNCHES 3 < 4";
    assertThat(MarkupTags.bracketsAsText(headline)).isEqualTo("<b>DU PONT</b> CO DD LAUNCHES 3 &lt; 4");
    assertThat(MarkupTags.textBracketsEscaped(headline)).isEqualTo("<b>DU PONT</b> CO &lt;DD> LAUNCHES 3 &lt; 4");
    assertThat(MarkupTags.textBracketsEscaped("no brackets")).isEqualTo("no brackets");
  }
}
