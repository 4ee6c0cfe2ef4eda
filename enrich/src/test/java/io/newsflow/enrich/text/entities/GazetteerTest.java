package io.newsflow.enrich.text.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GazetteerTest {

  private final Gazetteer gazetteer = Gazetteer.get();

  @Test
  void loadsWithoutConflictingAliases() {
    // loading throws if one surface form names two different entities
    assertThat(gazetteer.lookup("U.S.")).isEqualTo(new Gazetteer.Entry("United States", EntityKind.LOCATION));
    assertThat(gazetteer.lookup("U.K.")).isEqualTo(new Gazetteer.Entry("United Kingdom", EntityKind.LOCATION));
    assertThat(gazetteer.lookup("NATO")).isEqualTo(new Gazetteer.Entry("NATO", EntityKind.ORGANIZATION));
    assertThat(gazetteer.lookup("Kiev")).isEqualTo(new Gazetteer.Entry("Kyiv", EntityKind.LOCATION));
  }

  @Test
  void lookupIsCaseSensitiveExceptForTextInCapitals() {
    assertThat(gazetteer.lookup("us")).isNull();
    assertThat(gazetteer.lookup("Who")).isNull();
    assertThat(gazetteer.lookupUpperCase("WASHINGTON").canonical()).isEqualTo("Washington");
  }

  @Test
  void titlesMayHaveModifiersAndSeveralWords() {
    assertThat(gazetteer.titleLength(List.of("Deputy", "Prime", "Minister", "Jane", "Doe"), 0)).isEqualTo(3);
    assertThat(gazetteer.titleLength(List.of("Secretary", "of", "State", "Antony", "Blinken"), 0)).isEqualTo(3);
    assertThat(gazetteer.titleLength(List.of("Mr.", "Smith"), 0)).isEqualTo(1);
    assertThat(gazetteer.titleLength(List.of("Lieutenant-Colonel", "Max", "Marriner"), 0)).isEqualTo(1);
    assertThat(gazetteer.titleLength(List.of("Foreign", "Policy"), 0)).isZero();
    assertThat(gazetteer.titleLength(List.of("Vladimir", "Putin"), 0)).isZero();
  }

  @Test
  void listsAreClassifiedAsDocumented() {
    assertThat(gazetteer.isGivenName("Vladimir")).isTrue();
    assertThat(gazetteer.isOrgSuffix("Bank")).isTrue();
    assertThat(gazetteer.isOrgSuffix("Inc.")).isTrue();
    assertThat(gazetteer.isPlaceSuffix("Airport")).isTrue();
    assertThat(gazetteer.isNonEntity("Russian")).isTrue();
    assertThat(gazetteer.isCalendarWord("Monday")).isTrue();
    assertThat(gazetteer.isCalendarWord("Cup")).isFalse();
    assertThat(gazetteer.isNonEntity("May")).isFalse(); // also a surname
    assertThat(gazetteer.isNonEntity("Zambians")).isTrue(); // demonyms.txt
    assertThat(gazetteer.isNonEntity("Bermuda")).isFalse(); // a territory, not a nationality
    assertThat(gazetteer.isGivenName("Ethelbert")).isTrue(); // given-names-en.txt
    assertThat(gazetteer.isGivenName("Hope")).isFalse(); // written in lower case in GMB
  }
}
