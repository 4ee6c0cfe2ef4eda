package io.newsflow.enrich.text.entities.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.text.entities.EntityKind;
import io.newsflow.enrich.text.entities.EntitySpan;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenTextTest {

  @Test
  void writesTokensAsRunningTextAndMapsCharactersBack() {
    TokenText text = TokenText.of(List.of("Putin", "'s", "visit", "(", "Moscow", ")", "ended", "."));
    assertThat(text.text()).isEqualTo("Putin's visit (Moscow) ended.");
    int moscow = text.text().indexOf("Moscow");
    assertThat(text.span(moscow, moscow + 6, EntityKind.LOCATION)).isEqualTo(new EntitySpan(4, 5, EntityKind.LOCATION));
    assertThat(text.span(0, 5, EntityKind.PERSON)).isEqualTo(new EntitySpan(0, 1, EntityKind.PERSON));
    assertThat(text.tokenAt(text.text().indexOf(' '))).isEqualTo(-1);
  }
}
