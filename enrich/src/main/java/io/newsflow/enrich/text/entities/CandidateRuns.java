package io.newsflow.enrich.text.entities;

import io.newsflow.enrich.text.words.Tokenizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Steps 1 and 2 of {@link EntityRecognizer}: the maximal runs of capitalised words in a sentence,
 * joined by up to two connectors ("Bank of England") and ended by a possessive ("Russia's"). At a
 * sentence start a capital says nothing, so the first word stays only if the article gives reason
 * to think it part of a name; otherwise the run starts after it.
 */
final class CandidateRuns {

  /** Receives each run with the lower-case word before it ("" for none), in reading order. */
  interface Consumer {
    void accept(List<CasedToken> run, String previous);
  }

  private final Gazetteer gazetteer;
  private final Tokenizer tokenizer;
  private final CaseEvidence evidence;
  /** German: no guess from capitalisation alone. */
  private final boolean strict;

  CandidateRuns(Gazetteer gazetteer, Tokenizer tokenizer, CaseEvidence evidence, boolean strict) {
    this.gazetteer = gazetteer;
    this.tokenizer = tokenizer;
    this.evidence = evidence;
    this.strict = strict;
  }

  void find(List<CasedToken> tokens, Consumer out) {
    int i = 0;
    while (i < tokens.size()) {
      CasedToken first = tokens.get(i);
      if (!first.capitalised()) {
        i++;
        continue;
      }
      List<CasedToken> run = new ArrayList<>();
      run.add(first);
      int k = i + 1;
      while (!run.get(run.size() - 1).possessive() && k < tokens.size()) {
        CasedToken next = tokens.get(k);
        if (next.capitalised() && !next.sentenceStart()) {
          run.add(next);
          k++;
          continue;
        }
        int after = k;
        while (after < tokens.size() && after - k < 2 && NameRuns.isConnector(tokens.get(after))) {
          after++;
        }
        if (after > k && after < tokens.size() && tokens.get(after).capitalised()
            && !tokens.get(after).sentenceStart()) {
          run.addAll(tokens.subList(k, after + 1));
          k = after + 1;
          continue;
        }
        break;
      }
      String previous = NameRuns.previousWord(tokens, i);
      if (first.sentenceStart() && NameRuns.gazetteerEntry(gazetteer, run) == null && !keepSentenceInitial(run)) {
        previous = first.lower();
        run = NameRuns.trimConnectors(run.subList(1, run.size()));
      }
      if (!run.isEmpty()) {
        out.accept(run, previous);
      }
      i = k;
    }
  }

  /** Whether the first word of a sentence-initial run is itself part of a name. */
  private boolean keepSentenceInitial(List<CasedToken> run) {
    CasedToken first = run.get(0);
    String word = first.text();
    if (gazetteer.lookup(word) != null) {
      return run.size() > 1 || !evidence.seenLowerCase(first.lower()); // "Visa" vs "visa rules"
    }
    if (gazetteer.isGivenName(word) || gazetteer.isTitleWord(word) || first.acronym()
        || evidence.capitalisedMidSentence(word)) {
      return true;
    }
    return !strict && run.size() > 1 && !tokenizer.isStopword(first.lower())
        && !evidence.seenLowerCase(first.lower()) && !gazetteer.isNonEntity(word);
  }
}
