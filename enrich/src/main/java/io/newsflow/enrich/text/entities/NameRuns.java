package io.newsflow.enrich.text.entities;

import java.util.List;
import java.util.Set;

/** What the steps need to know about a run of tokens that may be a name. */
final class NameRuns {

  /** Lower-case words (and "&amp;") allowed inside a name: "Bank of England", "Ursula von der Leyen". */
  private static final Set<String> CONNECTORS = Set.of(
      "of", "for", "the", "de", "van", "von", "der", "den", "du", "da", "di", "del", "della", "des", "la", "le",
      "bin", "ibn", "y", "&");

  private NameRuns() {}

  static boolean isConnector(CasedToken t) {
    return CONNECTORS.contains(t.text());
  }

  static boolean hasConnector(List<CasedToken> run) {
    return run.stream().anyMatch(NameRuns::isConnector);
  }

  /** The run without connectors and punctuation at either end. */
  static List<CasedToken> trimConnectors(List<CasedToken> run) {
    int from = 0;
    int to = run.size();
    while (from < to && (isConnector(run.get(from)) || !run.get(from).word())) {
      from++;
    }
    while (to > from && (isConnector(run.get(to - 1)) || !run.get(to - 1).word())) {
      to--;
    }
    return run.subList(from, to);
  }

  /** "M." in "M. Butcher". */
  static boolean isInitial(CasedToken t) {
    return t.text().length() == 2 && t.text().endsWith(".") && Character.isUpperCase(t.text().charAt(0));
  }

  /** The lower-case word just before token {@code index}, or "" after punctuation or at the start. */
  static String previousWord(List<CasedToken> tokens, int index) {
    if (index == 0 || !tokens.get(index - 1).word()) {
      return "";
    }
    return tokens.get(index - 1).lower();
  }

  /** The run's words separated by single spaces ("Johnson & Johnson", "U.S."). */
  static String surfaceOf(List<CasedToken> tokens) {
    StringBuilder sb = new StringBuilder();
    for (CasedToken t : tokens) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(t.text());
    }
    return sb.toString();
  }

  static String lastWord(String name) {
    return name.substring(name.lastIndexOf(' ') + 1);
  }

  /** The gazetteer entry of the whole run; a run in capitals is looked up ignoring case ("WASHINGTON"). */
  static Gazetteer.Entry gazetteerEntry(Gazetteer gazetteer, List<CasedToken> run) {
    String surface = surfaceOf(run);
    Gazetteer.Entry entry = gazetteer.lookup(surface);
    if (entry == null && run.stream().allMatch(t -> !t.word() || t.allCaps()) && surface.length() >= 4) {
      entry = gazetteer.lookupUpperCase(surface); // "WASHINGTON (Reuters) -"
    }
    return entry;
  }
}
