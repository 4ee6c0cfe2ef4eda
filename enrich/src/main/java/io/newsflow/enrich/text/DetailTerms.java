package io.newsflow.enrich.text;

import io.newsflow.enrich.text.words.Tokenizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The article's details: the words of its body that are capitalised or numeric where a sentence does not
 * make them so ("Mount Cook", "Navy", "23", "Tuesday"). They name who, where and when, which is what tells
 * two similar events apart; the top terms are the article's most repeated words and mostly name what
 * happened (ADR 28).
 *
 * <p>Weight of a detail: {@code 1 + ln tf}, lower-cased, stopwords left out; the top {@link #MAX_TERMS}
 * are normalised to a unit vector, weight desc then term asc, so the cut does not depend on hash order.
 */
public final class DetailTerms {

  /** Details kept per article: bounds the record, and few articles name more. */
  public static final int MAX_TERMS = 64;

  private static final Comparator<Term> BY_WEIGHT_THEN_TERM =
      Comparator.comparingDouble(Term::weight).reversed().thenComparing(Term::term);

  private final Tokenizer tokenizer;

  public DetailTerms(Tokenizer tokenizer) {
    this.tokenizer = tokenizer;
  }

  /** The details of a clean body, whose paragraphs are separated by "\n". */
  public List<Term> of(String cleanText) {
    Map<String, Integer> frequency = new HashMap<>();
    boolean sentenceStart = true;
    int n = cleanText.length();
    int i = 0;
    while (i < n) {
      char c = cleanText.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        if (c == '.' || c == '!' || c == '?' || c == '\n') {
          sentenceStart = true;
        }
        i++;
        continue;
      }
      int end = i + 1;
      while (end < n && Character.isLetterOrDigit(cleanText.charAt(end))) {
        end++;
      }
      if (!sentenceStart && (Character.isUpperCase(c) || Character.isDigit(c))) {
        String word = cleanText.substring(i, end).toLowerCase(Locale.ROOT);
        if (!tokenizer.isStopword(word)) {
          frequency.merge(word, 1, Integer::sum);
        }
      }
      sentenceStart = false;
      i = end;
    }
    List<Term> terms = new ArrayList<>(frequency.size());
    frequency.forEach((term, tf) -> terms.add(new Term(term, 1.0 + Math.log(tf))));
    terms.sort(BY_WEIGHT_THEN_TERM);
    List<Term> top = terms.subList(0, Math.min(MAX_TERMS, terms.size()));
    double norm = 0;
    for (Term t : top) {
      norm += t.weight() * t.weight();
    }
    double length = Math.sqrt(norm);
    List<Term> out = new ArrayList<>(top.size());
    for (Term t : top) {
      out.add(new Term(t.term(), t.weight() / length));
    }
    return List.copyOf(out);
  }
}
