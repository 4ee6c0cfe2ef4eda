package io.newsflow.app.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayOrderTest {
  static LabelledDocument doc(String id, String cluster, LocalDate created) {
    return new LabelledDocument(id, cluster, "dev", "t " + id, "text " + id, created, null);
  }

  @Test
  void datedDocumentsGoInDateOrderThenByIdAtNoonPlusASecondEach() {
    ReplayOrder order = ReplayOrder.of(List.of(
        doc("b", "1", LocalDate.of(2016, 5, 2)), doc("a", "2", LocalDate.of(2016, 5, 2)),
        doc("c", "1", LocalDate.of(2016, 5, 1))), 42);

    assertThat(order.documents()).extracting(t -> t.document().docId()).containsExactly("c", "a", "b");
    assertThat(order.documents()).extracting(ReplayOrder.TimedDocument::publishedAt).containsExactly(
        Instant.parse("2016-05-01T12:00:00Z"), Instant.parse("2016-05-02T12:00:00Z"), Instant.parse("2016-05-02T12:00:01Z"));
  }

  @Test
  void documentsWithTimesGoInTimeOrderAtThoseTimes() {
    LabelledDocument late = new LabelledDocument("a", "1", "dev", "t", "x", LocalDate.of(2024, 3, 1), null,
        Instant.parse("2024-03-01T18:00:00Z"));
    LabelledDocument early = new LabelledDocument("b", "2", "dev", "t", "y", LocalDate.of(2024, 3, 1), null,
        Instant.parse("2024-03-01T06:00:05Z"));

    ReplayOrder order = ReplayOrder.of(List.of(late, early), 42);

    assertThat(order.documents()).extracting(t -> t.document().docId()).containsExactly("b", "a");
    assertThat(order.documents()).extracting(ReplayOrder.TimedDocument::publishedAt)
        .containsExactly(early.time(), late.time());
    assertThat(order.description()).contains("publication time");
  }

  @Test
  void undatedDocumentsAreShuffledBySeedNotGroupedByLabel() {
    List<LabelledDocument> docs = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      docs.add(doc(String.format("d%02d", i), String.valueOf(i / 10), null));
    }
    ReplayOrder first = ReplayOrder.of(docs, 7);
    List<LabelledDocument> reversed = new java.util.ArrayList<>(docs);
    java.util.Collections.reverse(reversed);
    ReplayOrder again = ReplayOrder.of(reversed, 7);
    ReplayOrder other = ReplayOrder.of(docs, 8);

    List<String> ids = first.documents().stream().map(t -> t.document().docId()).toList();
    assertThat(again.documents()).extracting(t -> t.document().docId()).isEqualTo(ids);
    assertThat(other.documents()).extracting(t -> t.document().docId()).isNotEqualTo(ids);
    assertThat(ids).isNotEqualTo(docs.stream().map(LabelledDocument::docId).toList());
    assertThat(first.description()).contains("seed 7");
    assertThat(first.documents().get(1).publishedAt()).isEqualTo(ReplayOrder.UNDATED_START.plusSeconds(60));
  }
}
