package io.newsflow.enrich.text.entities.training;

import io.newsflow.enrich.text.entities.EntityRecognizer;
import io.newsflow.enrich.text.entities.EntitySpan;
import io.newsflow.enrich.text.entities.IobTags;
import io.newsflow.enrich.text.entities.Mention;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs an {@link EntityRecognizer} over a tagged corpus the way it reads articles (one document is
 * one article without a headline, one sentence per paragraph, tokens written back as running text),
 * maps its mentions back to the corpus tokens and scores them against the gold tags.
 */
public final class EntityEvaluation {

  /**
   * Scores, and the corpus tokens read with the time the recogniser took for them: elapsed, and CPU
   * time of the recognising thread, which other work on a shared machine does not inflate.
   */
  public record Result(SpanScores scores, long tokens, long recognitionNanos, long recognitionCpuNanos) {

    public double tokensPerSecond() {
      return recognitionNanos == 0 ? 0.0 : tokens * 1e9 / recognitionNanos;
    }

    public double tokensPerCpuSecond() {
      return recognitionCpuNanos == 0 ? 0.0 : tokens * 1e9 / recognitionCpuNanos;
    }
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private EntityEvaluation() {}

  public static Result evaluate(EntityRecognizer recognizer, List<ConllCorpus.Document> documents) {
    SpanScores scores = new SpanScores();
    long tokens = 0;
    long nanos = 0;
    long cpu = 0;
    for (ConllCorpus.Document document : documents) {
      List<TokenText> texts = new ArrayList<>(document.sentences().size());
      StringBuilder body = new StringBuilder();
      for (ConllCorpus.Sentence sentence : document.sentences()) {
        TokenText text = TokenText.of(sentence.tokens());
        texts.add(text);
        body.append(body.length() == 0 ? "" : "\n").append(text.text());
        tokens += sentence.tokens().size();
      }
      long start = System.nanoTime();
      long cpuStart = cpuNanos();
      List<Mention> mentions = recognizer.mentions("", body.toString(), "en");
      cpu += cpuNanos() - cpuStart;
      nanos += System.nanoTime() - start;
      List<List<EntitySpan>> predicted = new ArrayList<>();
      for (int s = 0; s < texts.size(); s++) {
        predicted.add(new ArrayList<>());
      }
      for (Mention m : mentions) {
        if (m.paragraph() >= 0) {
          EntitySpan span = texts.get(m.paragraph()).span(m.start(), m.end(), m.kind());
          if (span != null) {
            predicted.get(m.paragraph()).add(span);
          }
        }
      }
      for (int s = 0; s < texts.size(); s++) {
        scores.add(IobTags.spans(document.sentences().get(s).tags()), predicted.get(s));
      }
    }
    return new Result(scores, tokens, nanos, cpu);
  }

  /** CPU time of this thread, or 0 where the JVM cannot measure it. */
  private static long cpuNanos() {
    return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0L;
  }
}
