package io.newsflow.app.stories;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.app.stories.ResultsReports.Company;
import io.newsflow.app.stories.ResultsReports.MixedStory;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ResultsReportsTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "COBANCO INC <CBCO> YEAR NET | COBANCO | CBCO",
      "GELCO CORP <GEL> 2ND QTR JAN 31 NET | GELCO | GEL",
      "HANDY AND HARMAN <HNH> 4TH QTR LOSS | HANDY AND HARMAN | HNH",
      "<IVACO INC> YEAR NET | IVACO | ''",
      "(MARSHALL STEEL LTD) YEAR NET | MARSHALL STEEL | ''",
      "<SDC SYDNEY DEVELOPMENT CORP> NINE MTHS LOSS | SDC SYDNEY DEVELOPMENT | ''",
      "COEUR D'ALENE MINES CORP <COUR.O> 3RD QTR NET | COEUR D'ALENE MINES | COUR",
      "GTI CORP <GTI> 4TH QTR OPER NET | GTI | GTI",
      "ESQUIRE RADIO AND ELECTRONICS INC <EE> 4TH QTR | ESQUIRE RADIO AND ELECTRONICS | EE",
      "CHEUNG KONG (HOLDINGS) LTD <CKGH.HK> YEAR 1986 | CHEUNG KONG HOLDINGS | CKGH",
      "NATIONAL GYPSUM CO 4TH QTR NET | NATIONAL GYPSUM | ''",
      "Aeg Ag <AEGG.F> six months net | AEG | AEGG",
  })
  void findsTheCompanyOfAResultsReport(String headline, String name, String ticker) {
    assertThat(ResultsReports.company(headline)).contains(new Company(name, ticker));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "DEAN FOODS <DF> SEES STRONG 4TH QTR EARNINGS",
      "AMERICAN STORES <ASC> SEES LOWER YEAR NET",
      "FORD <F> INCREASES 2ND QTR OUTPUT PLANS -REPORT",
      "TULTEX CORP <TTX> SETS QUARTERLY DIVIDEND",
      "U.S. CORPORATE PROFITS ROSE 6.1 PCT IN 4TH QTR",
      "CME POSTS RECORD TRADING VOLUME IN FIRST QUARTER",
      "STANDARD TRUSTCO SEES BETTER YEAR",
      "LEGAL AND GENERAL GROUP PLC YEAR 1986",
      "IOWA BANK BECOMES 34TH TO FAIL THIS YEAR",
      "Gunman kills three in shopping centre",
  })
  void otherHeadlinesAreNotResultsReports(String headline) {
    assertThat(ResultsReports.company(headline)).isEqualTo(Optional.empty());
  }

  @Test
  void countsStoriesHoldingReportsOfDifferentCompanies() {
    Map<String, String> titles = Map.of(
        "a1", "COBANCO INC <CBCO> YEAR NET",
        "a2", "COBANCO INC <CBCO> 4TH QTR NET",
        "a3", "COBANCO SEES BETTER YEAR",
        "b1", "GELCO CORP <GEL> 2ND QTR JAN 31 NET",
        "b2", "NEWPORT CORP <NESP> 2ND QTR JAN 31 NET",
        "b3", "DURO-TEST CORP <DUR> 2ND QTR JAN 31 NET",
        "c1", "COEUR D'ALENE MINES CORP <COUR> 4TH QTR LOSS",
        "c2", "COEUR D'ALENE MINES <COUR.O> 3RD QTR NET",
        "d1", "<IVACO INC> YEAR NET",
        "d2", "Steel output falls");
    Map<String, String> stories = Map.of("a1", "A", "a2", "A", "a3", "A", "b1", "B", "b2", "B", "b3", "B",
        "c1", "C", "c2", "C", "d1", "D", "d2", "D");

    assertThat(ResultsReports.mixedStories(stories, titles)).containsExactly(new MixedStory("B", 3, 3));
    assertThat(ResultsReports.storiesWithReports(stories, titles)).isEqualTo(3);
  }
}
