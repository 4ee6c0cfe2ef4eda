package io.newsflow.enrich.text.entities;

import io.newsflow.enrich.text.language.LanguageGuesser;
import io.newsflow.enrich.text.words.Tokenizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Recogniser of PERSON, ORGANIZATION and LOCATION names: rules, with a trained tagger for the names
 * the rules find but cannot type (ADR 7).
 *
 * <p>How it reads an article:
 * <ol>
 *   <li>Candidates are maximal runs of capitalised words in a sentence, which may contain "of", "for",
 *       "de", "van", "&amp;" and similar connectors ("Bank of England", "Procter &amp; Gamble") and
 *       acronyms ("U.S.", "NATO"). A possessive ends a run ("Russia's President").
 *   <li>At the start of a sentence capitals say nothing, so a sentence-initial word is kept only if it
 *       is a known name, a given name, a title, an acronym, or is seen capitalised mid-sentence
 *       elsewhere in the article.
 *   <li>Type, in order of trust: the gazetteers (countries, cities, organisations, with aliases);
 *       keywords ("... Bank", "Ministry of ...", "... Airport", "Lake ..."); a person title before
 *       the name ("Prime Minister Keir Starmer", "Mr Putin"); a given name first ("Vladimir Putin");
 *       a preposition cue for places ("in Kherson"); and finally two or three plain capitalised words
 *       as a person, which is what such runs mostly are in news text. Unknown acronyms are
 *       organisations. Demonyms, months, weekdays and names ending in an event word ("World Cup")
 *       are not entities.
 *   <li>Within the article, a single word equal to the surname of a person named in full becomes
 *       that person ("Putin" gives "Vladimir Putin"), an untyped single word takes the type the same
 *       word got elsewhere, and aliases map to one name ("U.S.", "America" give "United States").
 *   <li>Titles in Title Case, short Title Case subheadings and paragraphs in capitals carry no case
 *       signal; there only names already found in the body, gazetteer names and "given name +
 *       surname" pairs are matched.
 *   <li>In results lines, fixtures and tables ("Luton 1 Rotherham 0", "Birmingham v Barnsley",
 *       "SEATTLE 70 63 .526 5") a name next to a score is a team, an organisation, unless it is a
 *       nation, a month, or a person named with a given name or an initial; a wire dateline
 *       ("NABLUS, West Bank 1996-08-30") opens with a place.
 *   <li>One name, one type within the article: every mention of a surface takes the type most of its
 *       mentions got, and a type set by a results line or dateline outvotes the others.
 * </ol>
 *
 * <p>For German, where every noun is capitalised, the guesses from capitalisation alone (the
 * sentence-start exception of step 2 and the person and place fall-backs of step 3) are switched
 * off: only gazetteers, keywords, titles, given names and surnames of people already found count.
 *
 * <p>In English text, the capitalised candidates the rules cannot type (step 3 finds no gazetteer
 * entry, keyword, title or cue, and step 4 no other mention) are typed by {@link EntityTagger}, a
 * perceptron trained on the public-domain GMB corpus that reads the rules' decisions as features.
 * Steps 4 and 5 then treat its names like any other.
 *
 * <p>Measured with {@code newsflow evaluate-entities} (PER/LOC/ORG, exact spans, MISC excluded, one
 * sentence per paragraph, no titles): CoNLL-2003 eng.testa F1 0.860, UNER EWT dev 0.556, test 0.537
 * (ADR 13). Companies and clubs outside every list remain the main misses.
 */
public final class EntityRecognizer {

  /** Weight of a mention by where it occurs: headline, lead paragraph, rest of the body. */
  public enum Zone {
    TITLE(3.0),
    LEAD(2.0),
    BODY(1.0);

    final double weight;

    Zone(double weight) {
      this.weight = weight;
    }
  }

  /** One resolved mention; {@code start}/{@code end} are offsets in its paragraph (or the title). */
  public record Mention(Zone zone, int paragraph, int start, int end, String surface, EntityKind kind, String canonical) {}

  /** The ISO date of a wire dateline. */
  private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  /** Lower-case words (and "&amp;") allowed inside a name: "Bank of England", "Ursula von der Leyen". */
  private static final Set<String> CONNECTORS = Set.of(
      "of", "for", "the", "de", "van", "von", "der", "den", "du", "da", "di", "del", "della", "des", "la", "le",
      "bin", "ibn", "y", "&");
  /** Words after which an unknown capitalised word is taken for a place. */
  private static final Set<String> LOCATION_CUES = Set.of("in", "near", "outside", "from", "across", "throughout");
  /** Capitalised words a place cue or a score must not turn into names: "in May", "May 31" are the month. */
  private static final Set<String> NOT_PLACES = Set.of("May");
  private static final int MAX_PERSON_NAME_WORDS = 4;
  /** A name typed by a results line outvotes its other mentions: "Surrey 429-7" makes every "Surrey" the team. */
  private static final int LAYOUT_VOTES = 1000;
  /** Paragraphs this short and in Title Case are headings, whose capitals say nothing. */
  private static final int MAX_HEADING_WORDS = 12;

  private final Gazetteer gazetteer = Gazetteer.get();
  private final Tokenizer tokenizer = new Tokenizer();
  /** Finds spans in English text; null for the rules alone. */
  private final EntityTagger tagger;

  /**
   * The rules, with the shipped trained tagger typing the English names the rules find but cannot
   * type. On gold data this scores higher than the rules alone (ADR 7).
   */
  public EntityRecognizer() {
    this(EntityTagger.shipped());
  }

  EntityRecognizer(EntityTagger tagger) {
    this.tagger = tagger;
  }

  /** The rules alone, in every language: the baseline the trained tagger is measured against. */
  public static EntityRecognizer ruleBased() {
    return new EntityRecognizer(null);
  }

  /** Entities of an English (or similarly capitalised) article. */
  public List<NamedEntity> recognize(String title, String body) {
    return recognize(title, body, "en");
  }

  /**
   * Entities of an article, sorted by salience desc, then mentions desc, then name.
   *
   * @param language ISO 639-1 code; "de" switches off capitalisation-only guesses
   */
  public List<NamedEntity> recognize(String title, String body, String language) {
    return aggregate(mentions(title, body, language));
  }

  /** Resolved mentions in reading order: title first, then body paragraphs. */
  public List<Mention> mentions(String title, String body, String language) {
    boolean english = "en".equals(language) || LanguageGuesser.UNDETERMINED.equals(language);
    return new Reading(title == null ? "" : title, body, "de".equals(language), english ? tagger : null).mentions();
  }

  /** What the rules make of one paragraph read as a whole article, per token: see {@code Reading.hints}. */
  public String[] ruleHints(String paragraph, List<CasedToken> tokens) {
    Reading reading = new Reading("", paragraph, false, null);
    reading.readWithRules();
    return reading.hints(tokens, 0);
  }

  private static List<NamedEntity> aggregate(List<Mention> mentions) {
    Map<String, Map<EntityKind, Integer>> kindVotes = new TreeMap<>();
    Map<String, TreeSet<String>> surfaces = new HashMap<>();
    Map<String, Integer> counts = new HashMap<>();
    Map<String, Double> weights = new HashMap<>();
    for (Mention m : mentions) {
      kindVotes.computeIfAbsent(m.canonical(), k -> new EnumMap<>(EntityKind.class)).merge(m.kind(), 1, Integer::sum);
      surfaces.computeIfAbsent(m.canonical(), k -> new TreeSet<>()).add(m.surface());
      counts.merge(m.canonical(), 1, Integer::sum);
      weights.merge(m.canonical(), m.zone().weight, Double::sum);
    }
    double maxWeight = weights.values().stream().mapToDouble(Double::doubleValue).max().orElse(1.0);
    List<NamedEntity> entities = new ArrayList<>();
    kindVotes.forEach((name, votes) -> {
      // the most frequent type wins; ties go to the first in enum order, so the result is stable
      EntityKind kind = votes.entrySet().stream()
          .max(Map.Entry.<EntityKind, Integer>comparingByValue()
              .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
          .orElseThrow().getKey();
      entities.add(new NamedEntity(name, kind, List.copyOf(surfaces.get(name)), counts.get(name),
          weights.get(name) / maxWeight));
    });
    entities.sort(Comparator.comparingDouble(NamedEntity::salience).reversed()
        .thenComparing(Comparator.comparingInt(NamedEntity::mentions).reversed())
        .thenComparing(NamedEntity::name));
    return List.copyOf(entities);
  }

  /** The state of reading one article. */
  private final class Reading {

    /** A mention before single-word resolution; kind null means "a single unknown word, maybe a surname". */
    private final class Candidate {
      final Zone zone;
      final int paragraph;
      final int order;
      final int start;
      final int end;
      final String surface;
      final int words;
      EntityKind kind;
      String canonical;
      final boolean gazetteerHit;
      final boolean locationCue;
      /** A person only because it is two to four plain capitalised words: the weakest guess. */
      boolean guessedPerson;
      /** Typed by the layout of a results line, fixture or table: a team or a venue. */
      boolean byLayout;

      Candidate(Zone zone, int paragraph, List<CasedToken> tokens, EntityKind kind, String canonical,
          boolean gazetteerHit, boolean locationCue) {
        this.zone = zone;
        this.paragraph = paragraph;
        this.order = nextOrder++;
        this.start = tokens.get(0).start();
        this.end = tokens.get(tokens.size() - 1).end();
        this.surface = surfaceOf(tokens);
        this.words = (int) tokens.stream().filter(t -> t.word() && !isConnector(t)).count();
        this.kind = kind;
        this.canonical = canonical == null ? surface : canonical;
        this.gazetteerHit = gazetteerHit;
        this.locationCue = locationCue;
      }
    }

    private final String title;
    private final List<String> paragraphs;
    private final boolean strict;
    private final EntityTagger spanTagger;
    private final Set<String> capitalisedMidSentence = new HashSet<>();
    private final Set<String> seenLowerCase = new HashSet<>();
    private final List<Candidate> candidates = new ArrayList<>();
    private int nextOrder;

    Reading(String title, String body, boolean strict, EntityTagger spanTagger) {
      this.title = title;
      this.paragraphs = List.of(body.split("\n"));
      this.strict = strict;
      this.spanTagger = spanTagger;
    }

    private List<CasedToken> titleTokens;
    private List<List<CasedToken>> bodyTokens;
    private boolean[] capitalsOnly;
    private boolean titleCaseOnly;

    /**
     * Steps 1-4 of the class comment: the rules' candidates, typed where the rules can. The tagger
     * reads their result as hints, in training ({@link #ruleHints}) exactly as at run time.
     */
    void readWithRules() {
      titleTokens = CasedToken.scan(title);
      bodyTokens = new ArrayList<>(paragraphs.size());
      capitalsOnly = new boolean[paragraphs.size()];
      for (int p = 0; p < paragraphs.size(); p++) {
        List<CasedToken> tokens = CasedToken.scan(paragraphs.get(p));
        bodyTokens.add(tokens);
        capitalsOnly[p] = isAllCaps(tokens) || isHeading(tokens);
        if (!capitalsOnly[p]) {
          collectCaseEvidence(tokens);
        }
      }
      titleCaseOnly = isAllCaps(titleTokens) || isTitleCase(titleTokens);
      if (!titleCaseOnly) {
        extract(titleTokens, Zone.TITLE, -1);
      }
      for (int p = 0; p < bodyTokens.size(); p++) {
        if (!capitalsOnly[p]) {
          extract(bodyTokens.get(p), p == 0 ? Zone.LEAD : Zone.BODY, p);
        }
      }
      resolveSingleWords();
    }

    List<Mention> mentions() {
      readWithRules();
      if (spanTagger != null) {
        if (!titleCaseOnly) {
          typeUntyped(titleTokens, Zone.TITLE, -1);
        }
        for (int p = 0; p < bodyTokens.size(); p++) {
          if (!capitalsOnly[p]) {
            typeUntyped(bodyTokens.get(p), p == 0 ? Zone.LEAD : Zone.BODY, p);
          }
        }
        resolveSingleWords();
      }
      KnownNames known = new KnownNames();
      if (titleCaseOnly) {
        matchKnown(titleTokens, Zone.TITLE, -1, known);
      }
      for (int p = 0; p < bodyTokens.size(); p++) {
        if (capitalsOnly[p]) {
          matchKnown(bodyTokens.get(p), p == 0 ? Zone.LEAD : Zone.BODY, p, known);
        }
      }
      for (int p = 0; p < bodyTokens.size(); p++) {
        typeTeamsInResults(bodyTokens.get(p), p == 0 ? Zone.LEAD : Zone.BODY, p);
        typeDateline(bodyTokens.get(p), p == 0 ? Zone.LEAD : Zone.BODY, p);
      }
      labelConsistently();
      List<Mention> out = new ArrayList<>(candidates.size());
      candidates.stream()
          .filter(c -> c.kind != null)
          .sorted(Comparator.comparingInt((Candidate c) -> c.paragraph).thenComparingInt(c -> c.start))
          .forEach(c -> out.add(new Mention(c.zone, c.paragraph, c.start, c.end, c.surface, c.kind, c.canonical)));
      return out;
    }

    private void collectCaseEvidence(List<CasedToken> tokens) {
      for (CasedToken t : tokens) {
        if (!t.word()) {
          continue;
        }
        if (t.capitalised() && !t.sentenceStart()) {
          capitalisedMidSentence.add(t.text());
        } else if (Character.isLowerCase(t.text().charAt(0))) {
          seenLowerCase.add(t.text());
        }
      }
    }

    // ---- candidate runs ----

    /**
     * Per token of a paragraph, what the rules made of it: "PER-B", "ORG-I" ..., "?" inside an
     * untyped candidate, "-" outside any.
     */
    String[] hints(List<CasedToken> tokens, int paragraph) {
      String[] hints = new String[tokens.size()];
      java.util.Arrays.fill(hints, "-");
      for (Candidate c : candidates) {
        if (c.paragraph != paragraph) {
          continue;
        }
        boolean first = true;
        for (int k = 0; k < tokens.size(); k++) {
          CasedToken t = tokens.get(k);
          if (t.start() >= c.start && t.end() <= c.end) {
            hints[k] = c.kind == null ? "?" : IobTags.typeName(c.kind) + (first ? "-B" : "-I");
            first = false;
          }
        }
      }
      return hints;
    }

    /**
     * Types the names the rules found but could not type ("?" hints: a capitalised word with no
     * gazetteer entry, keyword, title or cue) with the trained tagger, which reads the rules' hints
     * as features. Where the rules decided, they stay: on gold data they are more precise than the
     * tagger, and letting the tagger add names elsewhere cost more precision than it gained recall.
     */
    private void typeUntyped(List<CasedToken> tokens, Zone zone, int paragraph) {
      String[] hints = hints(tokens, paragraph);
      int lastUntyped = java.util.Arrays.asList(hints).lastIndexOf("?");
      if (lastUntyped < 0) {
        return; // nothing to decide: the tagger's cost is paid only where it is needed
      }
      // only spans of "?" tokens count: labels up to the token after the last one decide them all
      int limit = Math.min(tokens.size(), lastUntyped + 2);
      for (EntitySpan span : spanTagger.tag(tokens, hints, limit)) {
        boolean untyped = true;
        for (int k = span.start(); k < span.end(); k++) {
          untyped &= hints[k].equals("?");
        }
        if (untyped) {
          int start = tokens.get(span.start()).start();
          int end = tokens.get(span.end() - 1).end();
          // the tagger's name replaces the untyped candidates it covers, so no mention counts twice
          candidates.removeIf(c -> c.kind == null && c.paragraph == paragraph && c.start < end && start < c.end);
          add(tokens.subList(span.start(), span.end()), zone, paragraph, span.kind(), null, false, false);
        }
      }
    }

    /**
     * Sports results, fixtures and tables ("Luton 1 Rotherham 0", "Birmingham v Barnsley", "BOSTON AT
     * OAKLAND", "SEATTLE 70 63 .526 5"): a name next to a score or "v" is a team, an organisation,
     * unless it is a nation (national teams are read as places) or a person named in full. A line
     * counts as results with two names before scores, or one name opening a row of figures; names
     * either side of "v"/"vs" count anywhere; before "AT" (US fixtures in capitals) only the visitor
     * is a team, the other name is where the game is played.
     */
    private void typeTeamsInResults(List<CasedToken> tokens, Zone zone, int paragraph) {
      List<int[]> runs = new ArrayList<>(); // capitalised runs: token range
      int i = 0;
      while (i < tokens.size()) {
        if (!isNamePart(tokens.get(i))) {
          i++;
          continue;
        }
        int j = i + 1;
        while (j < tokens.size() && isNamePart(tokens.get(j))) {
          j++;
        }
        runs.add(new int[] {i, j});
        i = j;
      }
      List<int[]> teams = new ArrayList<>();
      List<int[]> venues = new ArrayList<>();
      List<int[]> scored = new ArrayList<>();
      for (int r = 0; r < runs.size(); r++) {
        int end = runs.get(r)[1];
        if (end < tokens.size() && isScore(tokens.get(end))) {
          scored.add(runs.get(r));
        }
        if (r + 1 < runs.size() && runs.get(r + 1)[0] == end + 1 && isVersus(tokens.get(end))) {
          teams.add(runs.get(r));
          // "BOSTON AT OAKLAND": the game is played in Oakland
          (tokens.get(end).text().equals("AT") ? venues : teams).add(runs.get(r + 1));
        }
      }
      if (scored.size() >= 2 || (!scored.isEmpty() && scored.get(0)[0] == 0 && isRowOfFigures(tokens, scored.get(0)[1]))) {
        teams.addAll(scored);
      }
      for (int[] run : teams) {
        if (mayNameTeam(tokens, run)) {
          retype(tokens, run, zone, paragraph, EntityKind.ORGANIZATION);
        }
      }
      for (int[] run : venues) {
        retype(tokens, run, zone, paragraph, EntityKind.LOCATION);
      }
    }

    /**
     * Whether a run next to figures may be a team: not a month or other non-name ("June 5-9"), and
     * not a word the article also writes in lower case ("Sales 9.06 9.31", "First test match").
     */
    private boolean mayNameTeam(List<CasedToken> tokens, int[] run) {
      boolean anyName = false;
      for (int k = run[0]; k < run[1]; k++) {
        String word = tokens.get(k).text();
        anyName |= !gazetteer.isNonEntity(word) && !NOT_PLACES.contains(word); // "May 31" is a date
      }
      return anyName && (run[1] - run[0] > 1 || !seenLowerCase.contains(tokens.get(run[0]).lower()));
    }

    /** A wire dateline ("NABLUS, West Bank 1996-08-30", "ESCHEN 1996-08-31") opens with the place of the report. */
    private void typeDateline(List<CasedToken> tokens, Zone zone, int paragraph) {
      int n = tokens.size();
      if (n < 2 || n > 8 || !DATE.matcher(tokens.get(n - 1).text()).matches() || !tokens.get(0).allCaps()) {
        return;
      }
      int end = 1;
      while (end < n && tokens.get(end).allCaps()) {
        end++;
      }
      int startChar = tokens.get(0).start();
      int endChar = tokens.get(end - 1).end();
      Candidate covering = null;
      for (Candidate c : candidates) {
        if (c.paragraph == paragraph && c.start < endChar && startChar < c.end) {
          covering = c;
        }
      }
      if (covering == null) {
        add(tokens.subList(0, end), zone, paragraph, EntityKind.LOCATION, null, false, false);
        candidates.get(candidates.size() - 1).byLayout = true;
      } else if (covering.start == startChar && covering.end == endChar) {
        covering.kind = EntityKind.LOCATION;
        covering.byLayout = true;
      }
    }

    /**
     * One name, one type within an article: every mention of a surface takes the type most of its
     * mentions got (a tie keeps each mention's own), so "Pirelli shares" corrects the "Pirelli" a
     * lone sentence made a person. A team named in a results line stays a team everywhere.
     */
    private void labelConsistently() {
      Map<String, int[]> votes = new HashMap<>();
      for (Candidate c : candidates) {
        if (c.kind != null) {
          votes.computeIfAbsent(c.surface, k -> new int[EntityKind.values().length])[c.kind.ordinal()] +=
              c.byLayout ? LAYOUT_VOTES : 1;
        }
      }
      for (Candidate c : candidates) {
        int[] v = c.kind == null ? null : votes.get(c.surface);
        if (v == null || c.byLayout) {
          continue;
        }
        int best = c.kind.ordinal();
        for (int k = 0; k < v.length; k++) {
          if (v[k] > v[best]) {
            best = k;
          }
        }
        if (best != c.kind.ordinal()) {
          c.kind = EntityKind.values()[best];
          c.canonical = c.surface;
        }
      }
    }

    /** Gives the run {@code kind}, as a new candidate or over the one that covers it exactly. */
    private void retype(List<CasedToken> tokens, int[] run, Zone zone, int paragraph, EntityKind kind) {
      int start = tokens.get(run[0]).start();
      int end = tokens.get(run[1] - 1).end();
      Candidate covering = null;
      for (Candidate c : candidates) {
        if (c.paragraph == paragraph && c.start < end && start < c.end) {
          covering = c;
        }
      }
      if (covering == null) {
        add(tokens.subList(run[0], run[1]), zone, paragraph, kind, null, false, false);
        covering = candidates.get(candidates.size() - 1);
      } else if (covering.end == end && covering.kind != kind && !gazetteer.isNation(covering.canonical)
          && !(covering.kind == EntityKind.PERSON && covering.words >= 2 && !covering.guessedPerson)) {
        covering.kind = kind;
        covering.canonical = covering.surface; // "Manchester City" the team, not the city
      }
      covering.byLayout = covering.kind == kind;
    }

    private void extract(List<CasedToken> tokens, Zone zone, int paragraph) {
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
          while (after < tokens.size() && after - k < 2 && isConnector(tokens.get(after))) {
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
        String previous = previousWord(tokens, i);
        if (first.sentenceStart() && gazetteerEntry(run) == null && !keepSentenceInitial(run)) {
          previous = first.lower();
          run = trimConnectors(run.subList(1, run.size()));
        }
        if (!run.isEmpty()) {
          classify(run, previous, zone, paragraph);
        }
        i = k;
      }
    }

    /** Whether the first word of a sentence-initial run is itself part of a name. */
    private boolean keepSentenceInitial(List<CasedToken> run) {
      CasedToken first = run.get(0);
      String word = first.text();
      if (gazetteer.lookup(word) != null) {
        return run.size() > 1 || !seenLowerCase.contains(first.lower()); // "Visa" vs "visa rules"
      }
      if (gazetteer.isGivenName(word) || gazetteer.isTitleWord(word) || first.acronym()
          || capitalisedMidSentence.contains(word)) {
        return true;
      }
      return !strict && run.size() > 1 && !tokenizer.isStopword(first.lower())
          && !seenLowerCase.contains(first.lower()) && !gazetteer.isNonEntity(word);
    }

    // ---- typing ----

    private void classify(List<CasedToken> run, String previous, Zone zone, int paragraph) {
      if (run.isEmpty()) {
        return;
      }
      Gazetteer.Entry known = gazetteerEntry(run);
      if (known != null) {
        add(run, zone, paragraph, known.kind(), known.canonical(), true, LOCATION_CUES.contains(previous));
        return;
      }
      int n = run.size();
      int place = knownPlacePrefix(run);
      if (place > 0) {
        Gazetteer.Entry organisation = gazetteer.lookup(surfaceOf(run.subList(place, n)));
        if (organisation != null && organisation.kind() == EntityKind.ORGANIZATION) { // "U.S. State Department"
          add(run, zone, paragraph, organisation.kind(), organisation.canonical(), true, false);
          return;
        }
      }
      if (n > 1 && run.get(0).text().equals("The")) {
        classify(run.subList(1, n), "the", zone, paragraph);
        return;
      }
      String last = run.get(n - 1).text();
      if (n > 1 && gazetteer.isNonEntity(last)) {
        if (gazetteer.isCalendarWord(last)) { // "Jose Miguel Insulza Monday"
          classify(trimConnectors(run.subList(0, n - 1)), previous, zone, paragraph);
        }
        return; // "World Cup", "Gulf War": names, but not of a person, organisation or place
      }
      if (n > 1 && isOrganisationName(run)) {
        add(run, zone, paragraph, EntityKind.ORGANIZATION, null, false, false);
        return;
      }
      if (n > 1 && (gazetteer.isPlaceSuffix(last) || gazetteer.isPlacePrefix(run.get(0).text()))) {
        add(run, zone, paragraph, EntityKind.LOCATION, null, false, false);
        return;
      }
      if (splitAtTitle(run, previous, zone, paragraph)) {
        return;
      }
      if (gazetteer.isNonEntity(run.get(0).text())) {
        if (n > 1) {
          classify(trimConnectors(run.subList(1, n)), run.get(0).lower(), zone, paragraph);
        }
        return;
      }
      if (n == 1) {
        CasedToken word = run.get(0);
        if (word.text().length() < 2) {
          return;
        }
        if (word.acronym() && seenLowerCase.contains(word.lower())) {
          return; // "FREE" in a text that also writes "free": emphasis, not an acronym
        } else if (word.acronym()) {
          add(run, zone, paragraph, EntityKind.ORGANIZATION, null, false, false);
        } else if (word.capitalised() && !word.allCaps()) {
          boolean cue = !strict && LOCATION_CUES.contains(previous) && !NOT_PLACES.contains(word.text());
          // kind stays open: a surname resolves to a person later; otherwise a cue makes it a place
          add(run, zone, paragraph, null, null, false, cue);
        }
        return;
      }
      if (looksLikePersonName(run, true)) {
        add(run, zone, paragraph, EntityKind.PERSON, null, false, false);
        return;
      }
      if (place > 0) {
        // "New York Yankees", "Los Angeles Dodgers": a place then a plural is a team; "Hong Kong Open" is an event
        List<CasedToken> rest = run.subList(place, n);
        if (rest.size() <= 2 && !hasConnector(rest) && last.endsWith("s") && !last.endsWith("ss")) {
          add(run, zone, paragraph, EntityKind.ORGANIZATION, null, false, false);
        }
        return;
      }
      if (!strict && n <= 3 && LOCATION_CUES.contains(previous) && !hasConnector(run)) {
        add(run, zone, paragraph, EntityKind.LOCATION, null, false, true);
        return;
      }
      if (!strict && looksLikePersonName(run, false)) {
        add(run, zone, paragraph, EntityKind.PERSON, null, false, false);
        // "M. Butcher": an initial makes the guess sure
        candidates.get(candidates.size() - 1).guessedPerson = run.stream().noneMatch(EntityRecognizer::isInitial);
      } else if (strict) {
        // German "Regierung Scholz": capitalised nouns join names into one run; each word may still be a
        // surname or a name typed elsewhere in the article
        for (CasedToken word : run) {
          if (word.capitalised() && !word.allCaps() && word.text().length() > 1) {
            add(List.of(word), zone, paragraph, null, null, false, false);
          }
        }
      }
    }

    /** "Deutsche Bank", "Bank of England", "Procter & Gamble". */
    private boolean isOrganisationName(List<CasedToken> run) {
      int n = run.size();
      if (gazetteer.isOrgSuffix(run.get(n - 1).text())) {
        return true;
      }
      if (n >= 3 && gazetteer.isOrgHead(run.get(0).text())
          && (run.get(1).text().equals("of") || run.get(1).text().equals("for"))) {
        return true;
      }
      if (gazetteer.isOrgPrefix(run.get(0).text()) && !hasConnector(run)) {
        return true;
      }
      for (CasedToken t : run) {
        if (t.text().equals("&")) {
          return true;
        }
      }
      return false;
    }

    /**
     * "U.S. President Joe Biden": the part before the title is typed on its own, the capitalised
     * words after it are a person. Returns false when the run holds no title.
     */
    private boolean splitAtTitle(List<CasedToken> run, String previous, Zone zone, int paragraph) {
      List<String> words = run.stream().map(CasedToken::text).toList();
      for (int p = 0; p < run.size(); p++) {
        int length = gazetteer.titleLength(words, p);
        if (length == 0) {
          continue;
        }
        int q = p + length;
        if (p > 0) {
          classify(trimConnectors(run.subList(0, p)), previous, zone, paragraph);
        }
        if (q < run.size()) {
          List<CasedToken> rest = trimConnectors(run.subList(q, run.size()));
          if (!rest.isEmpty() && isConnector(run.get(q))) {
            classify(rest, run.get(q).lower(), zone, paragraph); // "Prime Minister of Britain"
          } else if (!rest.isEmpty()) {
            addPersonAfterTitle(rest, zone, paragraph);
          }
        }
        return true;
      }
      return false;
    }

    private void addPersonAfterTitle(List<CasedToken> name, Zone zone, int paragraph) {
      Gazetteer.Entry known = gazetteerEntry(name);
      if (known != null && name.size() > 1) { // "Minister Tokyo" is not a thing, but "President Xi" is
        add(name, zone, paragraph, known.kind(), known.canonical(), true, false);
      } else if (!gazetteer.isNonEntity(name.get(0).text())) {
        add(name, zone, paragraph, EntityKind.PERSON, null, false, false);
      }
    }

    /**
     * Two to four capitalised words, no known place or keyword among them; with {@code givenName}
     * the first must be a listed given name.
     */
    private boolean looksLikePersonName(List<CasedToken> run, boolean givenName) {
      if (givenName && !gazetteer.isGivenName(run.get(0).text())) {
        return false;
      }
      int words = 0;
      for (int k = 0; k < run.size(); k++) {
        CasedToken t = run.get(k);
        if (isConnector(t)) {
          if (!givenName || t.text().equals("of") || t.text().equals("for") || t.text().equals("&")) {
            return false;
          }
          continue;
        }
        words++;
        boolean initial = t.text().length() == 2 && t.text().endsWith(".");
        if (!initial && (t.allCaps() || !t.capitalised() || t.text().length() < 2)) {
          return false;
        }
        // after a given name a known place may be the surname ("Neil Jordan", "Charles Darwin")
        boolean placeAsSurname = givenName && k == run.size() - 1 && k > 0;
        if (k > 0 && (gazetteer.isNonEntity(t.text()) || (gazetteer.lookup(t.text()) != null && !placeAsSurname)
            || gazetteer.isOrgSuffix(t.text()))) {
          return false;
        }
        if (!givenName && gazetteer.lookup(t.text()) != null) {
          return false;
        }
      }
      return words >= 2 && words <= MAX_PERSON_NAME_WORDS;
    }

    private Gazetteer.Entry gazetteerEntry(List<CasedToken> run) {
      String surface = surfaceOf(run);
      Gazetteer.Entry entry = gazetteer.lookup(surface);
      if (entry == null && run.stream().allMatch(t -> !t.word() || t.allCaps()) && surface.length() >= 4) {
        entry = gazetteer.lookupUpperCase(surface); // "WASHINGTON (Reuters) -"
      }
      return entry;
    }

    private void add(List<CasedToken> run, Zone zone, int paragraph, EntityKind kind, String canonical,
        boolean gazetteerHit, boolean locationCue) {
      candidates.add(new Candidate(zone, paragraph, run, kind, canonical, gazetteerHit, locationCue));
    }

    // ---- within-article canonicalisation ----

    /**
     * Single words: "Putin" after "Vladimir Putin" is Vladimir Putin (the nearest earlier full name
     * wins, else the first later one); an untyped word takes the type the same word has elsewhere
     * in the article ("from Vuhledar" makes every "Vuhledar" a place); the rest are dropped.
     */
    private void resolveSingleWords() {
      Map<String, List<Candidate>> fullNamesBySurname = new HashMap<>();
      for (Candidate c : candidates) {
        if (c.kind == EntityKind.PERSON && c.words >= 2) {
          fullNamesBySurname.computeIfAbsent(lastWord(c.canonical), k -> new ArrayList<>()).add(c);
        }
      }
      for (Candidate c : candidates) {
        boolean singleWord = c.words == 1;
        boolean mayBeSurname = c.kind == null || c.kind == EntityKind.PERSON
            || (c.gazetteerHit && !c.locationCue && !c.surface.contains("."));
        if (!singleWord || !mayBeSurname) {
          continue;
        }
        List<Candidate> fullNames = fullNamesBySurname.get(c.surface);
        if (fullNames != null) {
          Candidate match = null;
          for (Candidate full : fullNames) { // candidates are in reading order
            if (full.order < c.order || match == null) {
              match = full;
            }
          }
          c.kind = EntityKind.PERSON;
          c.canonical = match.canonical;
        } else if (c.kind == null && c.locationCue) {
          c.kind = EntityKind.LOCATION;
        }
      }
      Map<String, Candidate> typedWords = new HashMap<>();
      for (Candidate c : candidates) {
        if (c.kind != null && c.words == 1) {
          typedWords.putIfAbsent(c.surface, c);
        }
      }
      for (Candidate c : candidates) {
        Candidate typed = c.kind == null ? typedWords.get(c.surface) : null;
        if (typed != null) {
          c.kind = typed.kind;
          c.canonical = typed.canonical;
        }
      }
    }

    // ---- titles in Title Case and paragraphs in capitals ----

    /** Surface forms already resolved in the body, for text whose case carries no signal. */
    private final class KnownNames {
      final Map<String, Candidate> exact = new HashMap<>();
      final Map<String, Candidate> upperCase = new HashMap<>();
      final int longest;

      KnownNames() {
        int max = gazetteer.longestName();
        Map<String, Set<String>> canonicalsBySurname = new HashMap<>();
        for (Candidate c : candidates) {
          if (c.kind == null) {
            continue;
          }
          exact.putIfAbsent(c.surface, c);
          upperCase.putIfAbsent(c.surface.toUpperCase(Locale.ROOT), c);
          max = Math.max(max, c.surface.split(" ").length);
          if (c.kind == EntityKind.PERSON && c.words >= 2) {
            canonicalsBySurname.computeIfAbsent(lastWord(c.canonical), k -> new TreeSet<>()).add(c.canonical);
          }
        }
        // a bare surname in a headline names the person only when one person in the article has it
        for (Candidate c : candidates) {
          if (c.kind == EntityKind.PERSON && c.words >= 2) {
            String surname = lastWord(c.canonical);
            if (canonicalsBySurname.get(surname).size() == 1) {
              exact.putIfAbsent(surname, c);
              upperCase.putIfAbsent(surname.toUpperCase(Locale.ROOT), c);
            }
          }
        }
        longest = max;
      }
    }

    private void matchKnown(List<CasedToken> tokens, Zone zone, int paragraph, KnownNames known) {
      boolean capitals = isAllCaps(tokens);
      int i = 0;
      while (i < tokens.size()) {
        if (!tokens.get(i).word() || !tokens.get(i).capitalised()) {
          i++;
          continue;
        }
        int matched = 0;
        for (int len = Math.min(known.longest, tokens.size() - i); len >= 1 && matched == 0; len--) {
          List<CasedToken> span = tokens.subList(i, i + len);
          if (span.stream().anyMatch(t -> !t.word() && !t.text().equals("&"))
              || span.subList(0, len - 1).stream().anyMatch(CasedToken::possessive)) {
            continue;
          }
          String surface = surfaceOf(span);
          Candidate body = capitals ? known.upperCase.get(surface.toUpperCase(Locale.ROOT)) : known.exact.get(surface);
          if (body != null) {
            add(span, zone, paragraph, body.kind, body.canonical, false, false);
            matched = len;
            continue;
          }
          Gazetteer.Entry entry = capitals ? gazetteer.lookupUpperCase(surface) : gazetteer.lookup(surface);
          if (entry != null && (surface.length() > 2 || !capitals || span.get(0).text().contains("."))) {
            add(span, zone, paragraph, entry.kind(), entry.canonical(), true, false);
            matched = len;
          }
        }
        if (matched == 0 && !capitals) {
          matched = matchGivenNameAndSurname(tokens, i, zone, paragraph);
        }
        i += Math.max(matched, 1);
      }
    }

    /** Tokens in the longest leading part of the run that is a known place ("New York" in "New York Yankees"). */
    private int knownPlacePrefix(List<CasedToken> run) {
      for (int len = Math.min(run.size() - 1, gazetteer.longestName()); len >= 1; len--) {
        Gazetteer.Entry entry = gazetteer.lookup(surfaceOf(run.subList(0, len)));
        if (entry != null && entry.kind() == EntityKind.LOCATION) {
          return len;
        }
      }
      return 0;
    }

    /** A short Title Case line without sentence punctuation: a subheading, not a sentence. */
    private boolean isHeading(List<CasedToken> tokens) {
      int words = 0;
      for (CasedToken t : tokens) {
        if (t.word()) {
          words++;
          if (Character.isDigit(t.text().charAt(0))) {
            return false; // "Sandrine Testud (France) beat Ines Gorrochategui (Argentina) 4-6 6-2 6-1": a result
          }
        } else if (".,:;".contains(t.text())) {
          return false;
        }
      }
      return words <= MAX_HEADING_WORDS && isTitleCase(tokens);
    }

    /** "Richard Finn" or "George W. Bush" in a heading: a given name, an optional initial, one more name. */
    private int matchGivenNameAndSurname(List<CasedToken> tokens, int i, Zone zone, int paragraph) {
      if (!gazetteer.isGivenName(tokens.get(i).text())) {
        return 0;
      }
      int j = i + 1;
      if (j < tokens.size() && tokens.get(j).text().length() == 2 && tokens.get(j).text().endsWith(".")) {
        j++;
      }
      if (j >= tokens.size() || tokens.get(i).possessive()) {
        return 0;
      }
      CasedToken surname = tokens.get(j);
      if (!surname.capitalised() || surname.allCaps() || surname.text().length() < 2
          || gazetteer.isNonEntity(surname.text()) || gazetteer.lookup(surname.text()) != null
          || gazetteer.isTitleWord(surname.text()) || gazetteer.isOrgSuffix(surname.text())) {
        return 0;
      }
      add(tokens.subList(i, j + 1), zone, paragraph, EntityKind.PERSON, null, false, false);
      return j + 1 - i;
    }

    /** Mostly Title Case: at least two long words, 80% of them capitalised. */
    private boolean isTitleCase(List<CasedToken> tokens) {
      int longWords = 0;
      int capitalised = 0;
      for (CasedToken t : tokens) {
        if (t.word() && t.text().length() >= 4 && Character.isLetter(t.text().charAt(0))) {
          longWords++;
          if (t.capitalised()) {
            capitalised++;
          }
        }
      }
      return longWords >= 2 && capitalised >= 0.8 * longWords;
    }

    /** Written in capitals: a headline or a dateline such as "MOSCOW". */
    private boolean isAllCaps(List<CasedToken> tokens) {
      int words = 0;
      int caps = 0;
      boolean longCapital = false;
      for (CasedToken t : tokens) {
        if (t.word() && Character.isLetter(t.text().charAt(0))) {
          words++;
          if (t.allCaps()) {
            caps++;
            longCapital |= t.text().length() >= 4;
          }
        }
      }
      return longCapital && caps >= 0.8 * words;
    }
  }

  // ---- helpers ----

  /** A capitalised word that may be part of a team name ("Port Vale", "SAN FRANCISCO"); not "AT" or "v". */
  private static boolean isNamePart(CasedToken t) {
    return t.word() && t.capitalised() && !isScore(t) && !isVersus(t);
  }

  /** "v", "vs", "AT" (fixtures: "Birmingham v Barnsley", "BOSTON AT OAKLAND"). */
  private static boolean isVersus(CasedToken t) {
    return t.text().equals("v") || t.text().equals("vs") || t.text().equals("vs.") || t.text().equals("AT");
  }

  /** Everything after the name is figures and punctuation: a table row ("SEATTLE 70 63 .526 5"). */
  private static boolean isRowOfFigures(List<CasedToken> tokens, int from) {
    int figures = 0;
    for (int k = from; k < tokens.size(); k++) {
      CasedToken t = tokens.get(k);
      if (t.word() && !t.text().chars().allMatch(Character::isDigit)) {
        return false;
      }
      figures += t.word() ? 1 : 0;
    }
    return figures >= 2;
  }

  /** A score or table figure: a plain number of at most three digits. */
  private static boolean isScore(CasedToken t) {
    String text = t.text();
    if (text.isEmpty() || text.length() > 3) {
      return false;
    }
    for (int k = 0; k < text.length(); k++) {
      if (!Character.isDigit(text.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  /** "M." in "M. Butcher". */
  private static boolean isInitial(CasedToken t) {
    return t.text().length() == 2 && t.text().endsWith(".") && Character.isUpperCase(t.text().charAt(0));
  }

  private static boolean isConnector(CasedToken t) {
    return CONNECTORS.contains(t.text());
  }

  private static boolean hasConnector(List<CasedToken> run) {
    return run.stream().anyMatch(EntityRecognizer::isConnector);
  }

  private static List<CasedToken> trimConnectors(List<CasedToken> run) {
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

  private static String previousWord(List<CasedToken> tokens, int index) {
    if (index == 0 || !tokens.get(index - 1).word()) {
      return "";
    }
    return tokens.get(index - 1).lower();
  }

  /** The run's words separated by single spaces ("Johnson & Johnson", "U.S."). */
  private static String surfaceOf(List<CasedToken> tokens) {
    StringBuilder sb = new StringBuilder();
    for (CasedToken t : tokens) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(t.text());
    }
    return sb.toString();
  }

  private static String lastWord(String name) {
    return name.substring(name.lastIndexOf(' ') + 1);
  }
}
