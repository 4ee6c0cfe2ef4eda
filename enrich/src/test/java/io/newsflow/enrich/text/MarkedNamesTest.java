package io.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Names marked in angle brackets, as Reuters writes them, against markup that only looks alike. */
class MarkedNamesTest {
  @Test
  void aTickerAfterTheNameAndABracketedNameAreMarked() {
    assertThat(MarkedNames.in("COBANCO INC <CBCO> YEAR NET")).containsExactly("CBCO");
    assertThat(MarkedNames.in("<IVACO INC> YEAR NET")).containsExactly("IVACO INC");
    assertThat(MarkedNames.in("GELCO CORP <GEL.N> 2ND QTR JAN 31 NET")).containsExactly("GEL.N");
    assertThat(MarkedNames.in("USAIR <U> BIDS FOR PIEDMONT <PIE>")).containsExactly("U", "PIE");
  }

  @Test
  void namesAreUpperCaseWithSingleSpacesEachOnceInOrder() {
    assertThat(MarkedNames.in("Ivaco said <Mid-America  Industries Inc> and <IVACO INC> and <Ivaco Inc> agreed"))
        .containsExactly("MID-AMERICA INDUSTRIES INC", "IVACO INC");
  }

  @Test
  void tagsLoneBracketsAndNamesWithoutLettersAreNotMarks() {
    assertThat(MarkedNames.in("<b>Bold</b> move by <a href=\"x\">the bank</a>")).isEmpty();
    assertThat(MarkedNames.in("3 < 4 and 5 > 2")).isEmpty();
    assertThat(MarkedNames.in("figures <1987> and < SPACED >")).isEmpty();
    assertThat(MarkedNames.in("No marks here")).isEmpty();
    assertThat(MarkedNames.in(null)).isEmpty();
  }

  @Test
  void theUnionKeepsTheFirstListsOrderThenAddsTheOthersNewNames() {
    assertThat(MarkedNames.union(List.of("CBCO"), List.of("GEL", "CBCO"))).containsExactly("CBCO", "GEL");
    List<String> same = List.of("CBCO");
    assertThat(MarkedNames.union(same, List.of())).isSameAs(same);
  }
}
