package io.newsflow.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.avro.ArticleRole;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateIndexTest {
  private long sequence;

  private void add(CandidateIndex index, String story, String article, int signatureSeed, String... keys) {
    List<Integer> minHash = List.of(signatureSeed, signatureSeed + 1);
    index.add(StoryMembers.member(story, new IndexedArticle(article, Instant.EPOCH, ArticleRole.NEW_REPORT, minHash, false),
        List.of(keys), sequence++));
  }

  @Test
  void aKeyReadsItsNewestLivePostingsUpToTheCapWhateverItsHistory() {
    CandidateIndex index = new CandidateIndex(3);
    for (int i = 0; i < 40; i++) {
      add(index, "s" + (i % 2), "a" + i, i, "k");
    }

    assertThat(index.postings("k")).extracting(Posting::articleId).containsExactly("a39", "a38", "a37");

    // When: the story of the odd articles closes
    index.remove("s1");

    // Then: the key reads the newest of the others, and nothing of s1 is left
    assertThat(index.postings("k")).extracting(Posting::articleId).containsExactly("a38", "a36", "a34");
    assertThat(index.members("s1")).isEmpty();
    assertThat(index.signature("a39")).isNull();
    assertThat(index.articles()).isEqualTo(20);

    index.remove("s0");
    assertThat(index.postings("k")).isEmpty();
    assertThat(index.keys()).isZero();
    assertThat(index.articles()).isZero();
  }

  @Test
  void anArticleIndexedAgainCountsOncePerKeyAndKeepsItsNewSignatureWhenItsOldStoryCloses() {
    CandidateIndex index = new CandidateIndex(8);
    add(index, "s1", "a1", 1, "k", "old-only");
    add(index, "s2", "a1", 7, "k");

    assertThat(index.postings("k")).extracting(Posting::storyId).containsExactly("s2");
    assertThat(index.postings("old-only")).extracting(Posting::storyId).containsExactly("s1");

    index.remove("s1");

    assertThat(index.postings("k")).extracting(Posting::storyId).containsExactly("s2");
    assertThat(index.postings("old-only")).isEmpty();
    assertThat(index.signature("a1")).containsExactly(7, 8);
  }
}
