package io.newsflow.enrich.text.entities;

import io.newsflow.enrich.text.language.LanguageGuesser;
import io.newsflow.enrich.text.words.Tokenizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Recogniser of PERSON, ORGANIZATION and LOCATION names: rules, with a trained tagger for the names
 * the rules find but cannot type (ADR 7).
 *
 * <p>How it reads an article:
 * <ol>
 *   <li>{@link CandidateRuns}: candidates are maximal runs of capitalised words in a sentence, which
 *       may contain "of", "for", "de", "van", "&amp;" and similar connectors ("Bank of England",
 *       "Procter &amp; Gamble") and acronyms ("U.S.", "NATO"). A possessive ends a run ("Russia's
 *       President").
 *   <li>{@link CandidateRuns}: at the start of a sentence capitals say nothing, so a sentence-initial
 *       word is kept only if it is a known name, a given name, a title, an acronym, or is seen
 *       capitalised mid-sentence elsewhere in the article.
 *   <li>{@link RuleTyping}: type, in order of trust: the gazetteers (countries, cities,
 *       organisations, with aliases); keywords ("... Bank", "Ministry of ...", "... Airport", "Lake
 *       ..."); a person title before the name ("Prime Minister Keir Starmer", "Mr Putin"); a given
 *       name first ("Vladimir Putin"); a preposition cue for places ("in Kherson"); and finally two
 *       or three plain capitalised words as a person, which is what such runs mostly are in news
 *       text. Unknown acronyms are organisations. Demonyms, months, weekdays and names ending in an
 *       event word ("World Cup") are not entities.
 *   <li>{@link SingleWords}: within the article, a single word equal to the surname of a person named
 *       in full becomes that person ("Putin" gives "Vladimir Putin"), an untyped single word takes
 *       the type the same word got elsewhere, and aliases map to one name ("U.S.", "America" give
 *       "United States").
 *   <li>{@link KnownNames}: titles in Title Case ({@link CaselessLines}), short Title Case
 *       subheadings and paragraphs in capitals carry no case signal; there only names already found
 *       in the body, gazetteer names and "given name + surname" pairs are matched.
 *   <li>{@link ResultsLines}, {@link Datelines}: in results lines, fixtures and tables ("Luton 1
 *       Rotherham 0", "Birmingham v Barnsley", "SEATTLE 70 63 .526 5") a name next to a score is a
 *       team, an organisation, unless it is a nation, a month, or a person named with a given name or
 *       an initial; a wire dateline ("NABLUS, West Bank 1996-08-30") opens with a place.
 *   <li>{@link ConsistentLabels}: one name, one type within the article: every mention of a surface
 *       takes the type most of its mentions got, and a type set by a results line or dateline
 *       outvotes the others.
 * </ol>
 *
 * <p>For German, where every noun is capitalised, the guesses from capitalisation alone (the
 * sentence-start exception of step 2 and the person and place fall-backs of step 3) are switched
 * off: only gazetteers, keywords, titles, given names and surnames of people already found count.
 *
 * <p>In English text, the capitalised candidates the rules cannot type (step 3 finds no gazetteer
 * entry, keyword, title or cue, and step 4 no other mention) are typed by {@link EntityTagger}, a
 * perceptron trained on the public-domain GMB corpus that reads the rules' decisions as features
 * ({@link TaggerFallback}). Steps 4 and 5 then treat its names like any other. {@link Salience}
 * turns the mentions into the article's entities.
 *
 * <p>Measured with {@code newsflow evaluate-entities} (PER/LOC/ORG, exact spans, MISC excluded, one
 * sentence per paragraph, no titles): CoNLL-2003 eng.testa F1 0.860, UNER EWT dev 0.556, test 0.537
 * (ADR 13). Companies and clubs outside every list remain the main misses.
 */
public final class EntityRecognizer {

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
    return Salience.rank(mentions(title, body, language));
  }

  /** Resolved mentions in reading order: title first, then body paragraphs. */
  public List<Mention> mentions(String title, String body, String language) {
    boolean english = "en".equals(language) || LanguageGuesser.UNDETERMINED.equals(language);
    return new Reading(title == null ? "" : title, body, "de".equals(language), english ? tagger : null).mentions();
  }

  /**
   * What the rules make of one paragraph read as a whole article, per token: "PER-B", "ORG-I" ...,
   * "?" inside a name they could not type, "-" outside any. The tagger is trained on these.
   */
  public String[] ruleHints(String paragraph, List<CasedToken> tokens) {
    Reading reading = new Reading("", paragraph, false, null);
    reading.readWithRules();
    return TaggerFallback.hints(reading.candidates, tokens, 0);
  }

  /** One article's tokens and candidates, taken through the steps of the class comment. */
  private final class Reading {

    private final String title;
    private final List<String> paragraphs;
    private final EntityTagger spanTagger;
    private final CaseEvidence evidence = new CaseEvidence();
    private final Candidates candidates = new Candidates();
    private final CandidateRuns runs;
    private final RuleTyping typing;
    private List<CasedToken> titleTokens;
    private List<List<CasedToken>> bodyTokens;
    /** Per paragraph: in capitals or a Title Case heading, whose capitals say nothing. */
    private boolean[] capitalsOnly;
    private boolean titleCaseOnly;

    Reading(String title, String body, boolean strict, EntityTagger spanTagger) {
      this.title = title;
      this.paragraphs = List.of(body.split("\n"));
      this.spanTagger = spanTagger;
      this.runs = new CandidateRuns(gazetteer, tokenizer, evidence, strict);
      this.typing = new RuleTyping(gazetteer, evidence, candidates, strict);
    }

    /**
     * Steps 1-4: the rules' candidates, typed where the rules can. The tagger reads their result as
     * hints, in training ({@link #ruleHints}) exactly as at run time.
     */
    void readWithRules() {
      titleTokens = CasedToken.scan(title);
      bodyTokens = new ArrayList<>(paragraphs.size());
      capitalsOnly = new boolean[paragraphs.size()];
      for (int p = 0; p < paragraphs.size(); p++) {
        List<CasedToken> tokens = CasedToken.scan(paragraphs.get(p));
        bodyTokens.add(tokens);
        capitalsOnly[p] = CaselessLines.isAllCaps(tokens) || CaselessLines.isHeading(tokens);
        if (!capitalsOnly[p]) {
          evidence.collect(tokens);
        }
      }
      titleCaseOnly = CaselessLines.isAllCaps(titleTokens) || CaselessLines.isTitleCase(titleTokens);
      if (!titleCaseOnly) {
        runs.find(titleTokens, (run, previous) -> typing.classify(run, previous, Zone.TITLE, -1));
      }
      for (int p = 0; p < bodyTokens.size(); p++) {
        if (!capitalsOnly[p]) {
          Zone zone = zone(p);
          int paragraph = p;
          runs.find(bodyTokens.get(p), (run, previous) -> typing.classify(run, previous, zone, paragraph));
        }
      }
      SingleWords.resolve(candidates);
    }

    List<Mention> mentions() {
      readWithRules();
      if (spanTagger != null) {
        TaggerFallback fallback = new TaggerFallback(spanTagger, candidates);
        if (!titleCaseOnly) {
          fallback.typeUntyped(titleTokens, Zone.TITLE, -1);
        }
        for (int p = 0; p < bodyTokens.size(); p++) {
          if (!capitalsOnly[p]) {
            fallback.typeUntyped(bodyTokens.get(p), zone(p), p);
          }
        }
        SingleWords.resolve(candidates);
      }
      KnownNames known = new KnownNames(gazetteer, candidates);
      if (titleCaseOnly) {
        known.match(titleTokens, Zone.TITLE, -1);
      }
      for (int p = 0; p < bodyTokens.size(); p++) {
        if (capitalsOnly[p]) {
          known.match(bodyTokens.get(p), zone(p), p);
        }
      }
      ResultsLines results = new ResultsLines(gazetteer, evidence, candidates);
      Datelines datelines = new Datelines(candidates);
      for (int p = 0; p < bodyTokens.size(); p++) {
        results.typeTeams(bodyTokens.get(p), zone(p), p);
        datelines.typePlace(bodyTokens.get(p), zone(p), p);
      }
      ConsistentLabels.apply(candidates);
      List<Mention> out = new ArrayList<>(candidates.asList().size());
      candidates.asList().stream()
          .filter(c -> c.kind != null)
          .sorted(Comparator.comparingInt((Candidate c) -> c.paragraph).thenComparingInt(c -> c.start))
          .forEach(c -> out.add(new Mention(c.zone, c.paragraph, c.start, c.end, c.surface, c.kind, c.canonical)));
      return out;
    }

    private Zone zone(int paragraph) {
      return paragraph == 0 ? Zone.LEAD : Zone.BODY;
    }
  }
}
