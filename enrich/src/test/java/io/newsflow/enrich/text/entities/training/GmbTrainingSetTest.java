package io.newsflow.enrich.text.entities.training;

import static io.newsflow.enrich.text.entities.EntityKind.LOCATION;
import static io.newsflow.enrich.text.entities.EntityKind.ORGANIZATION;
import static io.newsflow.enrich.text.entities.EntityKind.PERSON;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.text.entities.CasedToken;
import io.newsflow.enrich.text.entities.EntitySpan;
import io.newsflow.enrich.text.entities.EntityTagger;
import java.util.List;
import org.junit.jupiter.api.Test;

class GmbTrainingSetTest {

  private final GmbTrainingSet set = new GmbTrainingSet();

  private static List<String> words(String s) {
    return List.of(s.split(" "));
  }

  @Test
  void personSpansLoseTheirTitlesAndATitleAloneIsNoName() {
    List<String> tokens = words("President Bush met chairman Alan Greenspan and the Prime Minister .");
    List<String> tags = words("B-per I-per O B-per I-per I-per O O B-per I-per O");
    assertThat(set.spans(tokens, tags))
        .containsExactly(new EntitySpan(1, 2, PERSON), new EntitySpan(4, 6, PERSON));
  }

  @Test
  void geoAndOrgMapAndGpeIsAPlaceOnlyWhenItIsAKnownPlace() {
    List<String> tokens = words("Iraqi troops left Nepal for Baghdad , NATO said on Monday");
    List<String> tags = words("B-gpe O O B-gpe O B-geo O B-org O O B-tim");
    assertThat(set.spans(tokens, tags)).containsExactly(new EntitySpan(3, 4, LOCATION),
        new EntitySpan(5, 6, LOCATION), new EntitySpan(6 + 1, 8, ORGANIZATION));
  }

  @Test
  void labelsFollowTheCharactersIntoTheRuntimeTokens() {
    // "Britain 's" is written "Britain's" and read as one possessive token, as in an article
    GmbTrainingSet.Example example = set.example(new ConllCorpus.Sentence(
        words("Britain 's Labor Party met in El~Paso ."), words("B-geo O B-org I-org O O B-geo O")), false);
    List<String> texts = example.tokens().stream().map(CasedToken::text).toList();
    assertThat(texts).containsExactly("Britain", "Labor", "Party", "met", "in", "El", "Paso", ".");
    int bLoc = EntityTagger.begin(LOCATION);
    int bOrg = EntityTagger.begin(ORGANIZATION);
    assertThat(example.labels()).containsExactly(bLoc, bOrg, bOrg + 1, 0, 0, bLoc, bLoc + 1, 0);
    assertThat(example.ruleHints()).hasSize(texts.size());
  }

  @Test
  void aSentenceInCapitalsKeepsItsLabels() {
    GmbTrainingSet.Example example = set.example(new ConllCorpus.Sentence(
        words("Rebels attacked Kabul ."), words("O O B-geo O")), true);
    assertThat(example.tokens().get(2).text()).isEqualTo("KABUL");
    assertThat(example.labels()).containsExactly(0, 0, EntityTagger.begin(LOCATION), 0);
  }
}
