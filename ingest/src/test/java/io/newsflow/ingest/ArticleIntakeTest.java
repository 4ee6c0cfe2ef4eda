package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.avro.PublishedRevision;
import io.newsflow.schemas.avro.RawArticle;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ArticleIntakeTest {
  private static final Instant NOW = Instant.parse("2025-01-15T08:00:00Z");

  private final RecordingSink sink = new RecordingSink();
  private final PublishedRevisions revisions = new PublishedRevisions();
  private final ArticleIntake intake = new ArticleIntake(sink, revisions, Clock.fixed(NOW, ZoneOffset.UTC), 100);

  @Test
  void newArticleIsRevisionOneWithItsStateRecord() {
    String id = intake.accept(article("001", "Title", "Body"));
    intake.commit();

    assertThat(sink.published).singleElement().satisfies(a -> {
      assertThat(a.getArticleId()).isEqualTo(id).isEqualTo(ArticleIds.forGuid("bbc", "001"));
      assertThat(a.getRevision()).isEqualTo(1);
    });
    assertThat(sink.states).containsExactly(PublishedRevision.newBuilder().setArticleId(id)
        .setContentHash(ContentHash.of("Title", "Body")).setRevision(1).setPublishedAt(NOW).build());
    assertThat(intake.summary()).isEqualTo(new IngestSummary(1, 0, 0, 0));
  }

  @Test
  void unchangedArticleIsCountedNotPublishedEvenFromAnotherOriginOrTime() {
    intake.accept(article("001", "Title", "Body"));
    intake.commit();

    intake.accept(new IncomingArticle("bbc", null, "001", "Title", "Body", false, null, null,
        Instant.parse("2024-03-02T00:00:00Z"), "elsewhere.jsonl:9"));
    intake.commit();

    assertThat(sink.published).hasSize(1);
    assertThat(intake.summary()).isEqualTo(new IngestSummary(1, 1, 0, 0));
  }

  @Test
  void changedTitleOrBodyIsPublishedAsTheNextRevision() {
    intake.accept(article("001", "Title", "Body"));
    intake.accept(article("001", "Title", "Body, corrected"));
    intake.commit();
    intake.accept(article("001", "New title", "Body, corrected"));
    intake.commit();

    assertThat(sink.published).extracting(RawArticle::getRevision).containsExactly(1, 2, 3);
    assertThat(sink.states).extracting(PublishedRevision::getRevision).containsExactly(1, 2, 3);
    assertThat(sink.states.get(2).getContentHash()).isEqualTo(ContentHash.of("New title", "Body, corrected"));
  }

  @Test
  void whatTheStateTopicRemembersCountsLikeWhatThisInstancePublished() {
    String id = ArticleIds.forGuid("bbc", "001");
    revisions.remember(PublishedRevision.newBuilder().setArticleId(id).setContentHash(ContentHash.of("Title", "Body"))
        .setRevision(4).setPublishedAt(NOW).build());

    intake.accept(article("001", "Title", "Body"));
    intake.accept(article("001", "Title", "Body v5"));
    intake.commit();

    assertThat(sink.published).extracting(RawArticle::getRevision).containsExactly(5);
    assertThat(intake.summary()).isEqualTo(new IngestSummary(1, 1, 0, 0));
  }

  @Test
  void afterAFailedCommitTheSameArticlesAreTriedAgainNotTakenAsUnchanged() {
    intake.accept(article("001", "Title", "Body"));
    intake.rejected(new Rejection("x.jsonl:2", RejectionReason.INVALID_JSON, "bad", null));
    sink.failNextCommit = true;
    assertThat(intake.commit()).isFalse();

    intake.accept(article("001", "Title", "Body"));
    assertThat(intake.commit()).isTrue();

    assertThat(sink.published).extracting(RawArticle::getRevision).containsExactly(1);
    assertThat(intake.summary()).isEqualTo(new IngestSummary(1, 0, 1, 2));
  }

  @Test
  void commitsOnItsOwnWhenATransactionIsFull() {
    ArticleIntake small = new ArticleIntake(sink, revisions, Clock.fixed(NOW, ZoneOffset.UTC), 2);

    small.accept(article("1", "T", "B"));
    small.accept(article("2", "T", "B"));
    small.accept(article("3", "T", "B"));

    assertThat(sink.commits).isEqualTo(1);
    assertThat(sink.published).hasSize(2);
    assertThat(small.summary().published()).as("the third is not committed yet").isEqualTo(2);
  }

  private static IncomingArticle article(String guid, String title, String body) {
    return new IncomingArticle("bbc", null, guid, title, body, false, null, null, null, "bbc/" + guid + ".txt:1");
  }

  @Test
  void countersHearOfCommittedArticlesUnchangedOnesAndRejectionsByReason() {
    java.util.List<String> heard = new java.util.ArrayList<>();
    ArticleIntake counted = new ArticleIntake(sink, revisions, Clock.fixed(NOW, ZoneOffset.UTC), 100, new IngestCounters() {
      @Override public void published(long articles) { heard.add("published " + articles); }
      @Override public void unchanged() { heard.add("unchanged"); }
      @Override public void rejected(RejectionReason reason) { heard.add("rejected " + reason.code()); }
    });

    counted.accept(article("001", "Title", "Body"));
    counted.accept(article("002", "Other", "Text"));
    counted.commit();
    counted.accept(article("001", "Title", "Body"));
    counted.rejected(new Rejection("a.jsonl:2", RejectionReason.INVALID_JSON, "not an object", null));
    counted.commit();

    assertThat(heard).containsExactly("published 2", "unchanged", "rejected invalid-json");
  }
}
