package io.newsflow.enrich.text.entities;

import static io.newsflow.enrich.text.entities.EntityKind.LOCATION;
import static io.newsflow.enrich.text.entities.EntityKind.ORGANIZATION;
import static io.newsflow.enrich.text.entities.EntityKind.PERSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IobTagsTest {

  private static List<String> tags(String spaceSeparated) {
    return List.of(spaceSeparated.split(" "));
  }

  @Test
  void readsIob2() {
    assertThat(IobTags.spans(tags("B-PER I-PER O B-LOC O B-ORG I-ORG I-ORG")))
        .containsExactly(new EntitySpan(0, 2, PERSON), new EntitySpan(3, 4, LOCATION),
            new EntitySpan(5, 8, ORGANIZATION));
  }

  @Test
  void readsIob1WhereAnInsideTagAfterOutsideStartsASpan() {
    // CoNLL-2003: "U.N. official Ekeus heads for Baghdad"
    assertThat(IobTags.spans(tags("I-ORG O I-PER O O I-LOC")))
        .containsExactly(new EntitySpan(0, 1, ORGANIZATION), new EntitySpan(2, 3, PERSON),
            new EntitySpan(5, 6, LOCATION));
  }

  @Test
  void iob1BeginTagSplitsTwoTouchingNamesOfOneType() {
    assertThat(IobTags.spans(tags("I-LOC I-LOC B-LOC O")))
        .containsExactly(new EntitySpan(0, 2, LOCATION), new EntitySpan(2, 3, LOCATION));
  }

  @Test
  void aTypeChangeInsideARunStartsANewSpan() {
    assertThat(IobTags.spans(tags("I-PER I-ORG I-ORG")))
        .containsExactly(new EntitySpan(0, 1, PERSON), new EntitySpan(1, 3, ORGANIZATION));
    assertThat(IobTags.spans(tags("B-PER I-LOC")))
        .containsExactly(new EntitySpan(0, 1, PERSON), new EntitySpan(1, 2, LOCATION));
  }

  @Test
  void otherTypesEndSpansButAreNotReported() {
    assertThat(IobTags.spans(tags("B-PER I-MISC B-MISC O I-LOC B-geo")))
        .containsExactly(new EntitySpan(0, 1, PERSON), new EntitySpan(4, 5, LOCATION));
  }

  @Test
  void aSpanRunningToTheEndIsClosed() {
    assertThat(IobTags.spans(tags("O B-ORG I-ORG"))).containsExactly(new EntitySpan(1, 3, ORGANIZATION));
  }

  @Test
  void writesIob2ThatReadsBackToTheSameSpans() {
    List<EntitySpan> spans = List.of(new EntitySpan(0, 1, LOCATION), new EntitySpan(1, 3, LOCATION),
        new EntitySpan(4, 5, PERSON));
    List<String> written = IobTags.tags(spans, 6);
    assertThat(written).containsExactly("B-LOC", "B-LOC", "I-LOC", "O", "B-PER", "O");
    assertThat(IobTags.spans(written)).isEqualTo(spans);
  }
}
