package io.newsflow.app.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupedFoldsTest {
  private static LabelledDocument doc(String id, String event) {
    return new LabelledDocument(id, event + "-cluster", "train", null, "text", null, null, null, event);
  }

  private static List<String> ids(List<LabelledDocument> fold) {
    return fold.stream().map(LabelledDocument::docId).toList();
  }

  @Test
  void eachEventStaysInOneFoldAndLargestEventsAreSpreadFirst() {
    // Events a (3 documents), b (2), c (2), d (1), interleaved in the file.
    List<LabelledDocument> docs = List.of(doc("1", "a"), doc("2", "b"), doc("3", "c"), doc("4", "a"), doc("5", "d"),
        doc("6", "b"), doc("7", "a"), doc("8", "c"));

    List<List<LabelledDocument>> folds = GroupedFolds.of(docs, 2);

    // a → fold 0 (3); b → fold 1 (2); c → fold 1 (4); d → fold 0 (4): documents kept in file order.
    assertThat(ids(folds.get(0))).containsExactly("1", "4", "5", "7");
    assertThat(ids(folds.get(1))).containsExactly("2", "3", "6", "8");
  }

  @Test
  void theFoldsDoNotDependOnFileOrder() {
    List<LabelledDocument> docs = new ArrayList<>(List.of(doc("1", "x"), doc("2", "y"), doc("3", "z"), doc("4", "y")));
    List<List<LabelledDocument>> forward = GroupedFolds.of(docs, 3);
    List<LabelledDocument> reversed = new ArrayList<>(docs);
    Collections.reverse(reversed);

    List<List<LabelledDocument>> backward = GroupedFolds.of(reversed, 3);

    assertThat(ids(forward.get(0))).containsExactly("2", "4");
    assertThat(ids(backward.get(0))).containsExactly("4", "2");
    assertThat(ids(forward.get(1))).isEqualTo(ids(backward.get(1))).containsExactly("1");
    assertThat(ids(forward.get(2))).isEqualTo(ids(backward.get(2))).containsExactly("3");
  }

  @Test
  void moreFoldsThanEventsIsRefused() {
    List<LabelledDocument> docs = List.of(doc("1", "x"), doc("2", "y"));

    assertThatThrownBy(() -> GroupedFolds.of(docs, 3)).hasMessageContaining("from 2 to the number of events (2), got 3");
  }
}
