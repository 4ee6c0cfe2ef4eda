package io.newsflow.enrich.text.entities;

import io.newsflow.enrich.text.words.WordLists;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The word lists behind {@link EntityRecognizer}, loaded once from the resource files next to this
 * class: known locations and organisations with their aliases, given names, person titles,
 * organisation keywords and capitalised non-entities.
 */
public final class Gazetteer {

  /** A known name: the canonical form and its type. */
  public record Entry(String canonical, EntityKind kind) {}

  private static final Gazetteer INSTANCE = new Gazetteer();

  private final Map<String, Entry> names = new HashMap<>();
  /** Same entries keyed by the upper-cased surface, for all-capitals headlines and datelines. */
  private final Map<String, Entry> namesUpperCase = new HashMap<>();
  private final Set<String> givenNames = givenNames();
  /**
   * Canonical names of countries, continents and regions (England, Wales, Europe): their teams are
   * national teams, which CoNLL and news readers still take for places.
   */
  private final Set<String> nations = new HashSet<>();
  private final Set<String> nonEntities = new HashSet<>();
  private final Set<String> calendarWords = new HashSet<>();
  private final Set<String> orgSuffixes = new HashSet<>();
  private final Set<String> orgHeads = new HashSet<>();
  private final Set<String> orgPrefixes = new HashSet<>();
  private final Set<String> placeSuffixes = new HashSet<>();
  private final Set<String> placePrefixes = new HashSet<>();
  private final Set<String> titleModifiers = new HashSet<>();
  /** Person titles as token lists ("Prime", "Minister") by their first word, longest first. */
  private final Map<String, List<List<String>>> titlesByFirstWord = new HashMap<>();
  private final Set<String> titleWords = new HashSet<>();
  private final int longestName;

  /**
   * A {@link HashSet}, never changed after loading: the tagger asks it about every token, and
   * {@code Set.copyOf}'s table finds a slot with a division per look-up.
   */
  private static Set<String> givenNames() {
    Set<String> names = new HashSet<>(WordLists.words(Gazetteer.class, "given-names.txt"));
    names.addAll(WordLists.words(Gazetteer.class, "given-names-en.txt"));
    return names;
  }

  private Gazetteer() {
    loadNames("locations.txt", EntityKind.LOCATION);
    for (String section : List.of("continents and regions", "countries")) {
      for (String line : WordLists.section(Gazetteer.class, "locations.txt", section)) {
        nations.add(line.split("\\|")[0].strip());
      }
    }
    for (String line : WordLists.lines(Gazetteer.class, "non-entities.txt")) {
      boolean calendar = line.startsWith("calendar:");
      List<String> words = List.of((calendar ? line.substring("calendar:".length()).strip() : line).split("\\s+"));
      nonEntities.addAll(words);
      if (calendar) {
        calendarWords.addAll(words);
      }
    }
    nonEntities.addAll(WordLists.words(Gazetteer.class, "demonyms.txt"));
    loadNames("organizations.txt", EntityKind.ORGANIZATION);
    loadPrefixed("organization-keywords.txt", Map.of("suffix", orgSuffixes, "head", orgHeads, "prefix", orgPrefixes));
    loadPrefixed("location-keywords.txt", Map.of("suffix", placeSuffixes, "prefix", placePrefixes));
    for (String line : WordLists.lines(Gazetteer.class, "person-titles.txt")) {
      if (line.startsWith("modifier:")) {
        titleModifiers.addAll(List.of(line.substring("modifier:".length()).strip().split("\\s+")));
      } else {
        List<String> title = List.of(line.split("\\s+"));
        titlesByFirstWord.computeIfAbsent(title.get(0), w -> new ArrayList<>()).add(title);
        titleWords.addAll(title);
      }
    }
    titlesByFirstWord.values().forEach(list -> list.sort((a, b) -> Integer.compare(b.size(), a.size())));
    int longest = 0;
    for (String name : names.keySet()) {
      longest = Math.max(longest, name.split(" ").length);
    }
    longestName = longest;
  }

  public static Gazetteer get() {
    return INSTANCE;
  }

  /** The known location or organisation with exactly this surface form (single-spaced), or null. */
  public Entry lookup(String surface) {
    return names.get(surface);
  }

  /** As {@link #lookup}, ignoring case: for text in all capitals only, where case carries no signal. */
  Entry lookupUpperCase(String surface) {
    return namesUpperCase.get(surface.toUpperCase(Locale.ROOT));
  }

  /** Most tokens in any known name; bounds the longest-match search. */
  int longestName() {
    return longestName;
  }

  /** Whether a canonical location name is a country, continent or region rather than a state or city. */
  boolean isNation(String canonical) {
    return nations.contains(canonical);
  }

  boolean isGivenName(String word) {
    return givenNames.contains(word);
  }

  boolean isNonEntity(String word) {
    return nonEntities.contains(word);
  }

  /** Months and weekdays. */
  boolean isCalendarWord(String word) {
    return calendarWords.contains(word);
  }

  boolean isOrgSuffix(String word) {
    return orgSuffixes.contains(stripPeriod(word));
  }

  boolean isOrgHead(String word) {
    return orgHeads.contains(word);
  }

  boolean isOrgPrefix(String word) {
    return orgPrefixes.contains(word);
  }

  boolean isPlaceSuffix(String word) {
    return placeSuffixes.contains(word);
  }

  boolean isPlacePrefix(String word) {
    return placePrefixes.contains(word);
  }

  public boolean isTitleWord(String word) {
    String w = stripPeriod(word);
    return titleWords.contains(w) || titleModifiers.contains(w) || isHyphenatedTitle(w);
  }

  /** "Lieutenant-Colonel", "Major-General": every part a title or modifier. */
  private boolean isHyphenatedTitle(String word) {
    if (word.indexOf('-') <= 0) {
      return false;
    }
    for (String part : word.split("-")) {
      if (!titleWords.contains(part) && !titleModifiers.contains(part)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Length in tokens of the person title starting at {@code from} (optional modifiers, then a title,
   * "Deputy Prime Minister"), or 0 when there is none.
   */
  public int titleLength(List<String> words, int from) {
    if (from < words.size() && isHyphenatedTitle(words.get(from))) {
      return 1;
    }
    int i = from;
    while (i < words.size() && titleModifiers.contains(stripPeriod(words.get(i)))) {
      i++;
    }
    for (int start = Math.min(i, words.size() - 1); start >= from; start--) { // a modifier may be a title ("General")
      for (List<String> title : titlesByFirstWord.getOrDefault(stripPeriod(words.get(start)), List.of())) {
        if (matches(words, start, title)) {
          return start - from + title.size();
        }
      }
    }
    return 0;
  }

  private static boolean matches(List<String> words, int at, List<String> phrase) {
    if (at + phrase.size() > words.size()) {
      return false;
    }
    for (int k = 0; k < phrase.size(); k++) {
      if (!stripPeriod(words.get(at + k)).equals(phrase.get(k))) {
        return false;
      }
    }
    return true;
  }

  private static String stripPeriod(String word) {
    return word.length() > 1 && word.endsWith(".") && word.indexOf('.') == word.length() - 1
        ? word.substring(0, word.length() - 1) : word;
  }

  private void loadNames(String resource, EntityKind kind) {
    for (String line : WordLists.lines(Gazetteer.class, resource)) {
      String[] forms = line.split("\\|");
      String canonical = forms[0].strip();
      for (String form : forms) {
        String surface = form.strip().replaceAll("\\s+", " ");
        Entry previous = names.putIfAbsent(surface, new Entry(canonical, kind));
        if (previous != null && !previous.canonical().equals(canonical)) {
          throw new IllegalStateException(resource + ": '" + surface + "' already names " + previous);
        }
        namesUpperCase.putIfAbsent(surface.toUpperCase(Locale.ROOT), new Entry(canonical, kind));
      }
    }
  }

  private static void loadPrefixed(String resource, Map<String, Set<String>> targets) {
    for (String line : WordLists.lines(Gazetteer.class, resource)) {
      int colon = line.indexOf(':');
      Set<String> target = colon < 0 ? null : targets.get(line.substring(0, colon).strip());
      if (target == null) {
        throw new IllegalStateException(resource + ": expected one of " + targets.keySet() + " before ':', got " + line);
      }
      target.addAll(List.of(line.substring(colon + 1).strip().split("\\s+")));
    }
  }
}
