package io.newsflow.enrich.text.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SalienceTest {

  private static Mention mention(Zone zone, String surface, EntityKind kind, String canonical) {
    return new Mention(zone, zone == Zone.TITLE ? -1 : 0, 0, surface.length(), surface, kind, canonical);
  }

  @Test
  void salienceIsTheZoneWeightedCountOverTheArticlesHighest() {
    List<NamedEntity> entities = Salience.rank(List.of(
        mention(Zone.TITLE, "Putin", EntityKind.PERSON, "Vladimir Putin"), // 3
        mention(Zone.LEAD, "Vladimir Putin", EntityKind.PERSON, "Vladimir Putin"), // + 2 = 5
        mention(Zone.LEAD, "Moscow", EntityKind.LOCATION, "Moscow"), // 2
        mention(Zone.BODY, "Moscow", EntityKind.LOCATION, "Moscow"), // + 1 = 3
        mention(Zone.BODY, "NATO", EntityKind.ORGANIZATION, "NATO"))); // 1

    assertThat(entities).containsExactly(
        new NamedEntity("Vladimir Putin", EntityKind.PERSON, List.of("Putin", "Vladimir Putin"), 2, 1.0),
        new NamedEntity("Moscow", EntityKind.LOCATION, List.of("Moscow"), 2, 0.6),
        new NamedEntity("NATO", EntityKind.ORGANIZATION, List.of("NATO"), 1, 0.2));
  }

  @Test
  void equalSalienceSortsByMentionsThenName() {
    List<NamedEntity> entities = Salience.rank(List.of(
        mention(Zone.BODY, "Oslo", EntityKind.LOCATION, "Oslo"),
        mention(Zone.BODY, "Bergen", EntityKind.LOCATION, "Bergen"),
        mention(Zone.BODY, "Oslo", EntityKind.LOCATION, "Oslo"),
        mention(Zone.LEAD, "Statoil", EntityKind.ORGANIZATION, "Statoil")));

    assertThat(entities).extracting(NamedEntity::name).containsExactly("Oslo", "Statoil", "Bergen");
  }

  @Test
  void theMajorityTypeWinsAndATieGoesToTheFirstKind() {
    List<NamedEntity> entities = Salience.rank(List.of(
        mention(Zone.BODY, "Jordan", EntityKind.LOCATION, "Jordan"),
        mention(Zone.BODY, "Jordan", EntityKind.PERSON, "Jordan"),
        mention(Zone.BODY, "Chelsea", EntityKind.ORGANIZATION, "Chelsea"),
        mention(Zone.BODY, "Chelsea", EntityKind.ORGANIZATION, "Chelsea"),
        mention(Zone.BODY, "Chelsea", EntityKind.LOCATION, "Chelsea")));

    assertThat(entities).extracting(NamedEntity::name, NamedEntity::kind).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Chelsea", EntityKind.ORGANIZATION),
        org.assertj.core.groups.Tuple.tuple("Jordan", EntityKind.PERSON));
  }
}
