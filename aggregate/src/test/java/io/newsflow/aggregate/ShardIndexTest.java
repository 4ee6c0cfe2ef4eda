package io.newsflow.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShardIndexTest {

  @Test
  void termFrequenciesAreTheShardsOwnCountsOfTheTermKeys() {
    InMemoryStoryIndex all = new InMemoryStoryIndex(8);
    ShardIndex en = new ShardIndex(all, "en");
    ShardIndex de = new ShardIndex(all, "de");
    en.countDocument(List.of(IndexKeys.term("budget"), IndexKeys.term("vote")));
    en.countDocument(List.of(IndexKeys.term("budget")));
    de.countDocument(List.of(IndexKeys.term("budget")));

    assertThat(en.termFrequency("budget")).isEqualTo(2).isEqualTo(en.documentFrequency(IndexKeys.term("budget")));
    assertThat(en.termFrequency("vote")).isEqualTo(1);
    assertThat(de.termFrequency("budget")).isEqualTo(1);
    assertThat(de.termFrequency("vote")).isZero();
    assertThat(en.documents()).isEqualTo(2);
  }

  @Test
  void aRememberedTermKeyStillReadsTheLatestCountAndKeysStayRightPastTheirCapacity() {
    InMemoryStoryIndex all = new InMemoryStoryIndex(8);
    ShardIndex en = new ShardIndex(all, "en");
    assertThat(en.termFrequency("budget")).isZero();

    en.countDocument(List.of(IndexKeys.term("budget")));
    for (int i = 0; i <= ShardIndex.TERM_KEYS; i++) {
      en.termFrequency("term" + i);
    }

    assertThat(en.termFrequency("budget")).isEqualTo(1);
    assertThat(new CachedTermStatistics(en).termIdf("budget")).isEqualTo(Idf.of(en, IndexKeys.term("budget")));
  }
}
