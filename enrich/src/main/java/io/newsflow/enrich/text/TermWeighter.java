package io.newsflow.enrich.text;

import io.newsflow.enrich.text.words.Tokenizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The article's top terms for topical similarity (cosine against story centroids).
 *
 * <p>Weight of a term: {@code (1 + ln tf) * (TITLE_BOOST if it occurs in the title)}, where tf counts
 * body and title occurrences; the log keeps one repeated word from dominating. Only content words
 * count: no stopwords, at least two characters, not purely numeric. The top N are normalised to a
 * unit vector, so a cosine between two articles is a plain dot product.
 */
public final class TermWeighter {

  public static final int DEFAULT_TOP_N = 20;
  public static final double TITLE_BOOST = 2.0;

  private static final Comparator<Term> BY_WEIGHT_THEN_TERM =
      Comparator.comparingDouble(Term::weight).reversed().thenComparing(Term::term);

  private final Tokenizer tokenizer;
  private final int topN;

  public TermWeighter() {
    this(new Tokenizer(), DEFAULT_TOP_N);
  }

  public TermWeighter(Tokenizer tokenizer, int topN) {
    if (topN < 1) {
      throw new IllegalArgumentException("topN must be >= 1, got " + topN);
    }
    this.tokenizer = tokenizer;
    this.topN = topN;
  }

  /** Top terms of an article, weight desc then term asc, unit-normalised. */
  public List<Term> topTerms(String title, String body) {
    return topTermsOfTokens(tokenizer.tokenize(title == null ? "" : title), tokenizer.tokenize(body));
  }

  /** As {@link #topTerms(String, String)}, from tokens produced by {@link Tokenizer}. */
  public List<Term> topTermsOfTokens(List<String> titleTokens, List<String> bodyTokens) {
    Map<String, Integer> termFrequency = new HashMap<>();
    Set<String> inTitle = new HashSet<>();
    for (String token : titleTokens) {
      if (isContentTerm(token)) {
        termFrequency.merge(token, 1, Integer::sum);
        inTitle.add(token);
      }
    }
    for (String token : bodyTokens) {
      if (isContentTerm(token)) {
        termFrequency.merge(token, 1, Integer::sum);
      }
    }
    List<Term> terms = new ArrayList<>(termFrequency.size());
    termFrequency.forEach((term, tf) -> {
      double weight = 1.0 + Math.log(tf);
      terms.add(new Term(term, inTitle.contains(term) ? weight * TITLE_BOOST : weight));
    });
    // sorting by (weight, term) makes the cut independent of HashMap order
    terms.sort(BY_WEIGHT_THEN_TERM);
    List<Term> top = terms.subList(0, Math.min(topN, terms.size()));
    double norm = 0.0;
    for (Term t : top) {
      norm += t.weight() * t.weight();
    }
    norm = Math.sqrt(norm);
    List<Term> out = new ArrayList<>(top.size());
    for (Term t : top) {
      out.add(new Term(t.term(), t.weight() / norm));
    }
    return List.copyOf(out);
  }

  private boolean isContentTerm(String token) {
    return token.length() >= 2 && !tokenizer.isStopword(token) && !isNumber(token);
  }

  private static boolean isNumber(String token) {
    for (int i = 0; i < token.length(); i++) {
      if (!Character.isDigit(token.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
