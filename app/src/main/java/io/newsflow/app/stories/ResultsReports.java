package io.newsflow.app.stories;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stories that chain different companies' results reports: a subscriber to one company's quarter gets
 * fifty others'. A results report is found by its wire-style headline, the company, then the period
 * ({@code 4TH QTR}, {@code YEAR}, {@code NINE MTHS}), then at most a period end, {@code OPER} and the
 * figure ({@code NET}, {@code LOSS}): "COBANCO INC &lt;CBCO&gt; YEAR NET", "&lt;IVACO INC&gt; YEAR NET",
 * "GELCO CORP &lt;GEL&gt; 2ND QTR JAN 31 NET". Forecasts ("... SEES LOWER 4TH QTR NET") and macro figures
 * ("U.S. GNP ROSE 1.1 PCT IN FOURTH QUARTER") are not reports of a company's own results.
 */
public final class ResultsReports {
  private static final Pattern REPORT = Pattern.compile(
      "^(?<company>.+?)\\s+(?:19\\d\\d\\s+)?"
          + "(?<period>(?:1ST|2ND|3RD|4TH|FIRST|SECOND|THIRD|FOURTH)\\s+(?:QTR|QUARTER)|(?:FISCAL\\s+)?YEAR"
          + "|(?:THREE|SIX|NINE|TWELVE|3|6|9|12)\\s+(?:MTHS|MONTHS))"
          + "(?<rest>(?:\\s+(?:JAN|FEB|MARCH|MAR|APRIL|APR|MAY|JUNE|JUN|JULY|JUL|AUG|SEPT|SEP|OCT|NOV|DEC|\\d{1,2}"
          + "|19\\d\\d|ENDED|TO|OPER|OPERATING|NET|LOSS|PROFIT|SHR|EARNINGS|RESULTS|INCOME)\\.?)*)\\s*$");
  /** A ticker: "&lt;CBCO&gt;", "&lt;COUR.O&gt;". */
  private static final Pattern TICKER = Pattern.compile("<([^<>]+)>");
  /** A bracketed name: "&lt;IVACO INC&gt;", "(MARSHALL STEEL LTD)". */
  private static final Pattern WHOLLY_BRACKETED = Pattern.compile("^[<(]([^<>()]+)[>)]$");
  /** Words of a forecast, a comment or a macro figure: a headline naming a company has none of them before the period. */
  private static final Set<String> NOT_A_NAME = Set.of("SEES", "SEE", "SEEN", "SAYS", "SAY", "EXPECTS", "EXPECT",
      "EXPECTED", "REPORTS", "POSTS", "HAD", "HAS", "HAVE", "TAKES", "WILL", "MAY", "TO", "IN", "FOR", "THIS", "LAST",
      "OVER", "ROSE", "FELL", "RISES", "FALLS", "UP", "DOWN", "PCT", "LOWER", "HIGHER", "BETTER", "STRONG", "RECORD",
      "FORECASTS", "PROJECTS", "CHANGING", "BECOMES", "OF", "FROM");
  /** Legal-form words dropped from a company's key: "COBANCO INC" and "COBANCO" are one company. */
  private static final Set<String> LEGAL_FORMS = Set.of("INC", "CORP", "CORPORATION", "CO", "COS", "COMPANY", "LTD",
      "LIMITED", "PLC", "AG", "NV", "SA", "THE");
  private static final Pattern NON_WORD = Pattern.compile("[^A-Z0-9&']+");

  private ResultsReports() {}

  /**
   * A results report's company.
   *
   * @param name   the headline's text before the period, bracketed ticker removed, legal forms dropped
   * @param ticker the ticker's root without its exchange suffix ("COUR" of "COUR.O"), empty if none
   */
  public record Company(String name, String ticker) {
    /** Same name, or same ticker: headlines spell one company in several ways ("AMERICAN INT'L GROUP"). */
    boolean sameAs(Company other) {
      return name.equals(other.name) || (!ticker.isEmpty() && ticker.equals(other.ticker));
    }
  }

  /** The company whose results the headline reports, if it is a results report. */
  public static Optional<Company> company(String headline) {
    String upper = headline.strip().toUpperCase(Locale.ROOT);
    Matcher m = REPORT.matcher(upper);
    if (!m.matches()) {
      return Optional.empty();
    }
    String before = m.group("company").strip();
    String ticker = "";
    String name = before;
    Matcher whole = WHOLLY_BRACKETED.matcher(before);
    boolean marked = whole.matches();
    if (marked) {
      name = whole.group(1); // "<IVACO INC> YEAR NET": the name itself is bracketed
    } else {
      Matcher t = TICKER.matcher(before);
      while (t.find()) {
        if (t.end() != before.length()) {
          return Optional.empty(); // words after the ticker: "FORD <F> INCREASES 2ND QTR OUTPUT PLANS"
        }
        ticker = t.group(1).strip().replaceFirst("\\..*$", "");
        name = before.substring(0, t.start());
        marked = true;
      }
    }
    List<String> words = new ArrayList<>();
    for (String w : NON_WORD.split(name)) {
      if (w.isEmpty() || LEGAL_FORMS.contains(w)) {
        continue;
      }
      if (NOT_A_NAME.contains(w) || w.matches(".*\\d.*")) {
        return Optional.empty();
      }
      words.add(w);
    }
    // Without a ticker or bracket, only a headline that states a figure counts: "NATIONAL GYPSUM CO 4TH QTR NET".
    if (words.isEmpty() || (!marked && !m.group("rest").matches(".*\\b(NET|LOSS|PROFIT)\\b.*"))) {
      return Optional.empty();
    }
    return Optional.of(new Company(String.join(" ", words), ticker));
  }

  /**
   * A story holding results reports of more than one company.
   *
   * @param storyId   the story
   * @param reports   its results reports
   * @param companies how many different companies they report on
   */
  public record MixedStory(String storyId, int reports, int companies) {}

  /**
   * The stories that hold two or more results reports of two or more different companies, largest first.
   *
   * @param storyOf  article id to story id
   * @param titleOf  article id to headline
   */
  public static List<MixedStory> mixedStories(Map<String, String> storyOf, Map<String, String> titleOf) {
    Map<String, List<Company>> byStory = new TreeMap<>();
    storyOf.forEach((article, story) -> {
      String title = titleOf.get(article);
      if (title != null) {
        company(title).ifPresent(c -> byStory.computeIfAbsent(story, s -> new ArrayList<>()).add(c));
      }
    });
    List<MixedStory> mixed = new ArrayList<>();
    byStory.forEach((story, reports) -> {
      int companies = distinct(reports);
      if (reports.size() >= 2 && companies >= 2) {
        mixed.add(new MixedStory(story, reports.size(), companies));
      }
    });
    mixed.sort((a, b) -> a.reports() != b.reports() ? Integer.compare(b.reports(), a.reports())
        : a.storyId().compareTo(b.storyId()));
    return mixed;
  }

  /** Stories with at least two results reports, mixed or not. */
  public static int storiesWithReports(Map<String, String> storyOf, Map<String, String> titleOf) {
    Map<String, Integer> reports = new LinkedHashMap<>();
    storyOf.forEach((article, story) -> {
      String title = titleOf.get(article);
      if (title != null && company(title).isPresent()) {
        reports.merge(story, 1, Integer::sum);
      }
    });
    return (int) reports.values().stream().filter(n -> n >= 2).count();
  }

  /** Companies counted once each: a report joins the first company it is the same as. */
  private static int distinct(List<Company> reports) {
    List<Company> seen = new ArrayList<>();
    for (Company c : reports) {
      if (seen.stream().noneMatch(c::sameAs)) {
        seen.add(c);
      }
    }
    return seen.size();
  }
}
