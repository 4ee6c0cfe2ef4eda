package io.newsflow.enrich.text.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newsflow.enrich.text.Articles;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EntityRecognizerTest {

  private final EntityRecognizer recognizer = new EntityRecognizer();

  private static Optional<NamedEntity> find(List<NamedEntity> entities, String name) {
    return entities.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  private static NamedEntity get(List<NamedEntity> entities, String name) {
    return find(entities, name).orElseThrow(() -> new AssertionError(name + " not found in " + entities));
  }

  @Test
  void aSurnameAfterTheFullNameIsTheSamePerson() {
    List<NamedEntity> entities = recognizer.recognize("",
        "Russian President Vladimir Putin met officials on Monday.\nLater, Putin said the talks had gone well.");

    NamedEntity putin = get(entities, "Vladimir Putin");
    assertThat(putin.kind()).isEqualTo(EntityKind.PERSON);
    assertThat(putin.surfaceForms()).containsExactly("Putin", "Vladimir Putin");
    assertThat(putin.mentions()).isEqualTo(2);
    assertThat(find(entities, "Putin")).isEmpty();
  }

  @Test
  void aliasesMapToOneCanonicalPlace() {
    List<NamedEntity> entities = recognizer.recognize("",
        "Officials from the U.S. and the UK met in Geneva. The United States said America would not back down, "
            + "and Britain agreed with the US position.");

    NamedEntity us = get(entities, "United States");
    assertThat(us.kind()).isEqualTo(EntityKind.LOCATION);
    assertThat(us.surfaceForms()).containsExactly("America", "U.S.", "US", "United States");
    assertThat(us.mentions()).isEqualTo(4);
    NamedEntity uk = get(entities, "United Kingdom");
    assertThat(uk.surfaceForms()).containsExactly("Britain", "UK");
    assertThat(get(entities, "Geneva").kind()).isEqualTo(EntityKind.LOCATION);
  }

  @Test
  void findsOrganisationsFromGazetteerKeywordsAndAcronyms() {
    List<NamedEntity> entities = recognizer.recognize("",
        "NATO and the International Monetary Fund issued statements. Shares in Deutsche Bank fell, while "
            + "the Bank of England kept rates on hold. The Labour Party said Reuters had seen the letter. "
            + "The XYZQ group declined to comment.");

    assertThat(get(entities, "NATO").kind()).isEqualTo(EntityKind.ORGANIZATION);
    assertThat(get(entities, "International Monetary Fund").kind()).isEqualTo(EntityKind.ORGANIZATION);
    assertThat(get(entities, "Deutsche Bank").kind()).isEqualTo(EntityKind.ORGANIZATION);
    assertThat(get(entities, "Bank of England").kind()).isEqualTo(EntityKind.ORGANIZATION);
    assertThat(get(entities, "Labour Party").kind()).isEqualTo(EntityKind.ORGANIZATION);
    assertThat(get(entities, "Reuters").kind()).isEqualTo(EntityKind.ORGANIZATION);
    assertThat(get(entities, "XYZQ").kind()).isEqualTo(EntityKind.ORGANIZATION);
  }

  @Test
  void titlesSplitOffThePersonAndThePlaceBeforeThem() {
    List<NamedEntity> entities = recognizer.recognize("",
        "The meeting was chaired by U.S. Secretary of State Antony Blinken and German Chancellor Olaf Scholz. "
            + "Mr Blinken left early. Prime Minister Keir Starmer joined by video.");

    assertThat(get(entities, "Antony Blinken").surfaceForms()).containsExactly("Antony Blinken", "Blinken");
    assertThat(get(entities, "Olaf Scholz").kind()).isEqualTo(EntityKind.PERSON);
    assertThat(get(entities, "Keir Starmer").kind()).isEqualTo(EntityKind.PERSON);
    assertThat(get(entities, "United States").surfaceForms()).containsExactly("U.S.");
    // demonyms and titles are not entities
    assertThat(entities).extracting(NamedEntity::name)
        .doesNotContain("German", "Chancellor", "Secretary of State", "Prime Minister", "Mr Blinken");
  }

  @Test
  void givenNamesAndPlainCapitalisedPairsArePeople() {
    List<NamedEntity> entities = recognizer.recognize("",
        "The report was written by Maria Gonzalez and reviewed by Xi Jinping's adviser Wen Tao.");

    assertThat(get(entities, "Maria Gonzalez").kind()).isEqualTo(EntityKind.PERSON);
    assertThat(get(entities, "Xi Jinping").kind()).isEqualTo(EntityKind.PERSON);
    assertThat(get(entities, "Wen Tao").kind()).isEqualTo(EntityKind.PERSON);
  }

  @Test
  void sentenceInitialWordsAreDroppedUnlessTheyRecurMidSentence() {
    List<NamedEntity> entities = recognizer.recognize("",
        "Officials said the vote was delayed. Yesterday the count resumed. Kowalczyk denied any wrongdoing. "
            + "Vuhledar was shelled again overnight. Residents fled from Vuhledar on foot. "
            + "Meanwhile the capital stayed calm.");

    assertThat(entities).extracting(NamedEntity::name).containsExactly("Vuhledar");
    assertThat(get(entities, "Vuhledar").mentions()).isEqualTo(2);
    assertThat(get(entities, "Vuhledar").kind()).isEqualTo(EntityKind.LOCATION);
  }

  @Test
  void aPlaceCueTypesAnUnknownWordButNotAMonth() {
    List<NamedEntity> entities = recognizer.recognize("",
        "Fighting continued near Vuhledar in May, and refugees arrived from Pokrovsk on Friday.");

    assertThat(get(entities, "Vuhledar").kind()).isEqualTo(EntityKind.LOCATION);
    assertThat(get(entities, "Pokrovsk").kind()).isEqualTo(EntityKind.LOCATION);
    assertThat(entities).extracting(NamedEntity::name).doesNotContain("May", "Friday");
  }

  @Test
  void titleCaseHeadlinesOnlyMatchNamesKnownFromTheBody() {
    List<NamedEntity> entities = recognizer.recognize("Putin Says Talks With Kyiv Will Resume Soon",
        "President Vladimir Putin said on Monday that negotiations would continue.");

    assertThat(entities).extracting(NamedEntity::name).containsExactlyInAnyOrder("Vladimir Putin", "Kyiv");
    NamedEntity putin = get(entities, "Vladimir Putin");
    assertThat(putin.mentions()).isEqualTo(2);
    assertThat(putin.surfaceForms()).containsExactly("Putin", "Vladimir Putin");
  }

  @Test
  void salienceWeighsTitleThreeLeadTwoAndBodyOne() {
    List<NamedEntity> entities = recognizer.recognize("Floods hit Vienna",
        "Rescuers reached Munich on Sunday.\nAid also went to Hamburg, and to Munich again. Hamburg reopened.");

    // Vienna: title 3; Munich: lead 2 + body 1 = 3; Hamburg: body 1 + 1 = 2
    assertThat(entities).extracting(NamedEntity::name).containsExactly("Munich", "Vienna", "Hamburg");
    assertThat(get(entities, "Vienna").salience()).isEqualTo(1.0);
    assertThat(get(entities, "Munich").salience()).isEqualTo(1.0);
    assertThat(get(entities, "Hamburg").salience()).isCloseTo(2.0 / 3.0, within(1e-9));
    assertThat(entities).isSortedAccordingTo(Comparator.comparingDouble(NamedEntity::salience).reversed());
  }

  @Test
  void possessivesEndANameAndHyphenatedAdjectivesAreSplit() {
    List<NamedEntity> entities = recognizer.recognize("",
        "The talks followed Russia's offer and a Kremlin-backed plan drafted with Saint-Gobain managers.");

    assertThat(get(entities, "Russia").surfaceForms()).containsExactly("Russia");
    assertThat(get(entities, "Kremlin").kind()).isEqualTo(EntityKind.ORGANIZATION);
    assertThat(entities).extracting(NamedEntity::name).doesNotContain("Kremlin-backed");
  }

  @Test
  void eventsAndDemonymsAreNotEntities() {
    List<NamedEntity> entities = recognizer.recognize("",
        "French fans celebrated the World Cup win while British officials marked Labor Day.");

    assertThat(entities).isEmpty();
  }

  @Test
  void germanTextKeepsKnownNamesButNotEveryCapitalisedNoun() {
    String body = "Bundeskanzler Olaf Scholz hat am Montag in Berlin die Regierung verteidigt. "
        + "Die Opposition kritisierte die Haltung der Regierung Scholz und der Europäischen Union.";

    List<NamedEntity> entities = recognizer.recognize("", body, "de");

    assertThat(entities).extracting(NamedEntity::name).contains("Olaf Scholz", "Berlin")
        .doesNotContain("Regierung", "Opposition", "Haltung", "Montag");
    assertThat(get(entities, "Olaf Scholz").mentions()).isEqualTo(2);
  }

  @Test
  void resultIsDeterministicAndSorted() {
    List<NamedEntity> first = recognizer.recognize(Articles.SUMMIT_TITLE, Articles.SUMMIT);
    List<NamedEntity> second = new EntityRecognizer().recognize(Articles.SUMMIT_TITLE, Articles.SUMMIT);

    assertThat(second).isEqualTo(first);
    assertThat(first.get(0).name()).isEqualTo("Vladimir Putin");
    assertThat(first).allSatisfy(e -> {
      assertThat(e.salience()).isBetween(0.0, 1.0);
      assertThat(e.surfaceForms()).isSorted().doesNotHaveDuplicates();
    });
  }

  @Test
  void wholeArticleFindsTheExpectedCast() {
    List<NamedEntity> entities = recognizer.recognize(Articles.SUMMIT_TITLE, Articles.SUMMIT);

    assertThat(entities).extracting(NamedEntity::name, NamedEntity::kind).contains(
        org.assertj.core.groups.Tuple.tuple("Vladimir Putin", EntityKind.PERSON),
        org.assertj.core.groups.Tuple.tuple("NATO", EntityKind.ORGANIZATION),
        org.assertj.core.groups.Tuple.tuple("Mark Rutte", EntityKind.PERSON),
        org.assertj.core.groups.Tuple.tuple("Olaf Scholz", EntityKind.PERSON),
        org.assertj.core.groups.Tuple.tuple("State Department", EntityKind.ORGANIZATION),
        org.assertj.core.groups.Tuple.tuple("United States", EntityKind.LOCATION),
        org.assertj.core.groups.Tuple.tuple("Brussels", EntityKind.LOCATION),
        org.assertj.core.groups.Tuple.tuple("Warsaw", EntityKind.LOCATION));
    assertThat(entities).extracting(NamedEntity::name)
        .doesNotContain("Russian", "German", "Speaking", "Analysts", "The Kremlin", "Secretary-General");
  }

  @Test
  void namesBeforeScoresInResultsAreTeamsButNationsStayPlaces() {
    List<NamedEntity> entities = recognizer.recognize("",
        "Results of English league matches on Saturday:\nLuton 1 Rotherham 0\nPort Vale 4 1 2 1 4 4 5\n"
            + "England 2 Moldova 0");

    for (String team : List.of("Luton", "Rotherham", "Port Vale")) {
      assertThat(get(entities, team).kind()).as(team).isEqualTo(EntityKind.ORGANIZATION);
    }
    assertThat(get(entities, "England").kind()).isEqualTo(EntityKind.LOCATION);
    assertThat(get(entities, "Moldova").kind()).isEqualTo(EntityKind.LOCATION);
  }

  @Test
  void fixturesAndTableRowsNameTeams() {
    List<NamedEntity> entities = recognizer.recognize("",
        "Postponed: Birmingham v Barnsley, Manchester City v Charlton.\nBOSTON AT OAKLAND\nSEATTLE 70 63 .526 5");

    for (String team : List.of("Birmingham", "Barnsley", "Manchester City", "Charlton", "BOSTON", "SEATTLE")) {
      assertThat(get(entities, team).kind()).as(team).isEqualTo(EntityKind.ORGANIZATION);
    }
    assertThat(get(entities, "OAKLAND").kind()).as("where the game is played").isEqualTo(EntityKind.LOCATION);
  }

  @Test
  void aDatelineOpensWithThePlaceOfTheReport() {
    List<NamedEntity> entities = recognizer.recognize("",
        "NABLUS, West Bank 1996-08-30\nPalestinian police said on Friday they had arrested three men.");

    assertThat(get(entities, "NABLUS").kind()).isEqualTo(EntityKind.LOCATION);
    assertThat(get(entities, "West Bank").kind()).isEqualTo(EntityKind.LOCATION);
  }

  @Test
  void aNumberAfterANameInRunningTextIsNoScore() {
    List<NamedEntity> entities = recognizer.recognize("",
        "Officials in Paris said on Monday that 12 people were hurt.");
    assertThat(get(entities, "Paris").kind()).isEqualTo(EntityKind.LOCATION);
  }

  @Test
  void aNameTheRulesCannotTypeIsTypedByTheTaggerAndCountedOnce() {
    List<NamedEntity> entities = recognizer.recognize("",
        "Iran said it had resumed enrichment at its Natanz plant. Inspectors will visit Natanz next week.");

    NamedEntity natanz = get(entities, "Natanz");
    assertThat(natanz.kind()).isEqualTo(EntityKind.LOCATION);
    assertThat(natanz.mentions()).isEqualTo(2);
    assertThat(find(EntityRecognizer.ruleBased().recognize("", "Iran resumed enrichment at its Natanz plant."),
        "Natanz")).isEmpty();
  }

  @Test
  void aTeamNamedInAResultsLineIsATeamThroughoutTheArticle() {
    List<Mention> mentions = recognizer.mentions("",
        "Leicestershire 296 Somerset 83\nLeicestershire beat Somerset by an innings and 39 runs, and Somerset "
            + "fell to fourth.", "en");

    List<Mention> somerset = mentions.stream().filter(m -> m.surface().equals("Somerset")).toList();
    assertThat(somerset).hasSize(3);
    assertThat(somerset).allSatisfy(m -> assertThat(m.kind()).isEqualTo(EntityKind.ORGANIZATION));
  }

  @Test
  void aDatelinePlaceKeepsItsTypeWhenTheSameNameIsATeamInATable() {
    List<Mention> mentions = recognizer.mentions("",
        "NEW YORK 1996-08-30\nBaseball standings:\nNEW YORK 74 61 .548 -", "en");

    assertThat(mentions).extracting(Mention::paragraph, Mention::kind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(0, EntityKind.LOCATION),
            org.assertj.core.groups.Tuple.tuple(2, EntityKind.ORGANIZATION));
  }

  @Test
  void aTitleCaseLineWithScoresIsAResultWhoseNamesAreRead() {
    List<NamedEntity> entities = recognizer.recognize("",
        "Sandrine Testud (France) beat Ines Gorrochategui (Argentina) 4-6 6-2 6-1");

    assertThat(get(entities, "Sandrine Testud").kind()).isEqualTo(EntityKind.PERSON);
    assertThat(get(entities, "Ines Gorrochategui").kind()).isEqualTo(EntityKind.PERSON);
    assertThat(get(entities, "Argentina").kind()).isEqualTo(EntityKind.LOCATION);
  }

  @Test
  void aPairOfCapitalisedWordsInATableIsATeamButANameWithAnInitialStaysAPerson() {
    List<NamedEntity> entities = recognizer.recognize("",
        "Huddersfield 1 Crystal Palace 1\nS. Jayasuriya c Healy b Fleming 44");

    assertThat(get(entities, "Crystal Palace").kind()).isEqualTo(EntityKind.ORGANIZATION);
    assertThat(get(entities, "S. Jayasuriya").kind()).isEqualTo(EntityKind.PERSON);
  }

  @Test
  void monthsInFixturesAreNotTeams() {
    List<NamedEntity> entities = recognizer.recognize("",
        "May 31 - June 2 v Derbyshire (three days)\nYorkshire 2 Lancashire 1");

    assertThat(find(entities, "May")).isEmpty();
    assertThat(find(entities, "June")).isEmpty();
    assertThat(get(entities, "Yorkshire").kind()).isEqualTo(EntityKind.ORGANIZATION);
    assertThat(get(entities, "Lancashire").kind()).isEqualTo(EntityKind.ORGANIZATION);
  }

  @Test
  void nationalitiesAreNotNamesAndAGivenNameMayPrecedeAPlaceNamedSurname() {
    List<NamedEntity> entities = recognizer.recognize("",
        "Tajik and Moslem leaders met Bahraini and Zambian officials in Dushanbe, where Michael Jordan spoke.");

    assertThat(entities).extracting(NamedEntity::name).containsExactlyInAnyOrder("Dushanbe", "Michael Jordan");
    assertThat(get(entities, "Michael Jordan").kind()).isEqualTo(EntityKind.PERSON);
  }

  @Test
  void aWordInCapitalsThatTheTextAlsoWritesInLowerCaseIsEmphasisAndADeskSignOffIsAnOrganisation() {
    List<NamedEntity> entities = recognizer.recognize("",
        "The upgrade is FREE for members, and it is free for students too. The XKCDQ group agreed.\n"
            + "-- Warsaw Newsroom +48 22 653 9700");

    assertThat(find(entities, "FREE")).isEmpty();
    assertThat(get(entities, "XKCDQ").kind()).isEqualTo(EntityKind.ORGANIZATION);
    assertThat(get(entities, "Warsaw Newsroom").kind()).isEqualTo(EntityKind.ORGANIZATION);
  }
}
