package io.newsflow.enrich;

import io.newsflow.enrich.text.Analysis;
import io.newsflow.enrich.text.MarkedNames;
import io.newsflow.enrich.text.ArticleAnalyzer;
import io.newsflow.enrich.text.Term;
import io.newsflow.enrich.text.Years;
import io.newsflow.enrich.text.entities.NamedEntity;
import io.newsflow.platform.streams.RejectedRecordException;
import io.newsflow.schemas.EventTime;
import io.newsflow.schemas.avro.BodyFormat;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.Entity;
import io.newsflow.schemas.avro.EntityType;
import io.newsflow.schemas.avro.Fingerprints;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.WeightedTerm;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

/** Maps a raw article to its enriched form through the text analysis; rejects what cannot be analysed. */
public final class ArticleEnricher {
  private final ArticleAnalyzer analyzer;
  private final int maxBodyChars;

  public ArticleEnricher(ArticleAnalyzer analyzer, int maxBodyChars) {
    this.analyzer = analyzer;
    this.maxBodyChars = maxBodyChars;
  }

  public EnrichedArticle enrich(RawArticle raw) {
    return enrich(raw, UnaryOperator.identity());
  }

  /** As {@link #enrich(RawArticle)}, with {@code afterCleaning} applied to the clean text before analysis. */
  public EnrichedArticle enrich(RawArticle raw, UnaryOperator<String> afterCleaning) {
    if (raw.getBody().length() > maxBodyChars) {
      throw new RejectedRecordException("oversized", "article " + raw.getArticleId() + " body has "
          + raw.getBody().length() + " characters, more than the limit of " + maxBodyChars);
    }
    Analysis analysis;
    try {
      analysis = analyzer.analyze(raw.getTitle(), raw.getBody(), raw.getBodyFormat() == BodyFormat.HTML, afterCleaning);
    } catch (IllegalArgumentException e) {
      throw new RejectedRecordException("empty-body", "article " + raw.getArticleId() + ": " + e.getMessage());
    }
    List<Integer> minHash = new ArrayList<>(analysis.minHash().length);
    for (int h : analysis.minHash()) {
      minHash.add(h);
    }
    List<String> subjects = MarkedNames.in(raw.getTitle());
    return EnrichedArticle.newBuilder()
        .setArticleId(raw.getArticleId())
        .setSource(raw.getSource())
        .setUrl(raw.getUrl())
        .setTitle(analysis.title())
        .setCleanText(analysis.cleanText())
        .setLanguage(raw.getLanguage() != null && !raw.getLanguage().isBlank() ? raw.getLanguage() : analysis.language())
        .setEventTime(EventTime.of(raw))
        .setWordCount(analysis.wordCount())
        .setEntities(analysis.entities().stream().map(ArticleEnricher::entity).toList())
        .setFingerprints(new Fingerprints(analysis.contentHash(), HexFormat.of().toHexDigits(analysis.simHash()), minHash,
            analysis.lshBands()))
        .setTopTerms(analysis.topTerms().stream().map(ArticleEnricher::term).toList())
        .setDetailTerms(analysis.detailTerms().stream().map(ArticleEnricher::term).toList())
        .setYears(Years.named(analysis.cleanText()))
        .setIngestedAt(raw.getIngestedAt())
        .setSubjects(subjects)
        .setMarkedNames(MarkedNames.union(subjects, MarkedNames.in(analysis.cleanText())))
        .build();
  }

  private static Entity entity(NamedEntity e) {
    return new Entity(e.name(), EntityType.valueOf(e.kind().name()), e.surfaceForms(), e.mentions(), e.salience());
  }

  private static WeightedTerm term(Term t) {
    return new WeightedTerm(t.term(), t.weight());
  }
}
