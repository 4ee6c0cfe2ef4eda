package io.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextCleanerTest {

  private final TextCleaner cleaner = new TextCleaner();

  static final List<String> BOILERPLATE_EXAMPLES = List.of(
      "READ MORE: Putin warns the West over missiles",
      "Related: Five things to know about the summit",
      "Read more",
      "Story continues below advertisement",
      "Advertisement",
      "ADVERTISEMENT - scroll to continue",
      "Watch: Biden speaks to reporters at the White House",
      "Photo: John Smith / Getty Images",
      "Moscow's Red Square at dusk. / Reuters",
      "(AP Photo/Evan Vucci)",
      "(Reporting by Anna Petrova; Editing by Mark Heinrich)",
      "Additional reporting by Tom Jones",
      "Click here to subscribe to our daily briefing",
      "Sign up for our newsletter",
      "Get the latest newsletter delivered to your inbox",
      "Share this article",
      "Share on Facebook",
      "Facebook Twitter Email",
      "© 2024 Newsflow Media Ltd",
      "Copyright 2024 The Daily Example. All rights reserved.",
      "All rights reserved.",
      "We use cookies to improve your experience. Accept cookies?",
      "This article was updated on 3 March with new figures.",
      "Updated: 12:30 GMT");

  @ParameterizedTest
  @ValueSource(strings = {
      "READ MORE: Putin warns the West over missiles",
      "Story continues below advertisement",
      "Advertisement",
      "Watch: Biden speaks to reporters at the White House",
      "Photo: John Smith / Getty Images",
      "(Reporting by Anna Petrova; Editing by Mark Heinrich)",
      "Click here to subscribe to our daily briefing",
      "Sign up for our newsletter",
      "Share this article",
      "© 2024 Newsflow Media Ltd",
      "All rights reserved."})
  void removesBoilerplateLinesAndKeepsTheArticle(String boilerplate) {
    String body = "The minister resigned on Monday.\n" + boilerplate + "\nHer deputy takes over until an election.";

    assertThat(cleaner.clean(body, false))
        .isEqualTo("The minister resigned on Monday.\nHer deputy takes over until an election.");
  }

  @Test
  void everyRuleHasAnExampleSoNoneIsDeadOrBroken() {
    for (TextCleaner.BoilerplateRule rule : TextCleaner.BOILERPLATE_RULES) {
      assertThat(BOILERPLATE_EXAMPLES).as("examples matched by %s", rule.pattern())
          .anyMatch(rule::matches);
    }
    assertThat(BOILERPLATE_EXAMPLES).allMatch(cleaner::isBoilerplate);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Advertisement spending rose 5 percent this year, the trade body said.",
      "Copyright infringement claims against the platform doubled last year.",
      "Watchdogs said the photo agency had broken no rules.",
      "Ad hoc committees met on Tuesday to discuss the budget.",
      "Shares of the company rose after it said it would sign up new customers in Asia.",
      "Readers were asked to share their views in a survey, the paper said."})
  void keepsRealSentencesThatMerelyMentionBoilerplateWords(String sentence) {
    assertThat(cleaner.isBoilerplate(sentence)).isFalse();
    assertThat(cleaner.clean(sentence, false)).isEqualTo(sentence);
  }

  @Test
  void longParagraphsAreNeverBoilerplateEvenWithACreditAtTheEnd() {
    String paragraph = "The talks lasted nine hours. ".repeat(12) + "/ Reuters";

    assertThat(cleaner.isBoilerplate(paragraph)).isFalse();
  }

  @Test
  void htmlLosesScriptsStylesAndPageFurnitureButKeepsParagraphs() {
    String html = "<html><head><style>p { color: red }</style><script>var tracking = 'secret';</script></head>"
        + "<body><header>Site Name</header><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        + "<article><h1>Talks collapse</h1><p>Negotiators left Geneva <b>without</b> a deal.</p>"
        + "<figure><img src='x.jpg'><figcaption>Delegates arrive. Photo: AFP</figcaption></figure>"
        + "<p>Both sides blamed the other &amp; promised to return.</p>"
        + "<aside>Most read: Ten cheap flights</aside><form><input name='email'>Subscribe</form>"
        + "<p>Advertisement</p><iframe src='video'></iframe></article>"
        + "<footer>© 2024 Example News</footer><script>track();</script></body></html>";

    String text = cleaner.clean(html, true);

    assertThat(text).isEqualTo("Talks collapse\nNegotiators left Geneva without a deal.\n"
        + "Both sides blamed the other & promised to return.");
  }

  @Test
  void htmlLineBreaksAndListItemsBecomeParagraphs() {
    String html = "<div>First line<br>Second line<ul><li>one</li><li>two</li></ul></div>";

    assertThat(cleaner.clean(html, true)).isEqualTo("First line\nSecond line\none\ntwo");
  }

  @Test
  void unicodeIsNfkcNormalisedAndInvisibleCharactersDropped() {
    String body = "\uff2e\uff21\uff34\uff2f\u00a0met in Brussels\u200b to dis\u00adcuss the \ufb01nal text\u2026";

    assertThat(cleaner.clean(body, false)).isEqualTo("NATO met in Brussels to discuss the final text...");
  }

  @Test
  void whitespaceRunsCollapseAndParagraphBreaksBecomeOneNewline() {
    String body = "  First   paragraph\there.  \r\n\r\n\r\n   Second\u2003paragraph. \n\n";

    assertThat(cleaner.clean(body, false)).isEqualTo("First paragraph here.\nSecond paragraph.");
  }

  @Test
  void hardWrappedPlainTextIsJoinedWithinParagraphs() {
    String body = "The central bank raised rates\nby half a point on Thursday.\n\nMarkets had expected\na smaller move.";

    assertThat(cleaner.clean(body, false))
        .isEqualTo("The central bank raised rates by half a point on Thursday.\nMarkets had expected a smaller move.");
  }

  @Test
  void nothingButBoilerplateCleansToEmpty() {
    assertThat(cleaner.clean("Advertisement\n\nShare this article\n", false)).isEmpty();
    assertThat(cleaner.clean("<p>Advertisement</p><script>x()</script><p>Share this article</p>", true)).isEmpty();
  }

  @Test
  void titlesAreNormalisedToOneLine() {
    assertThat(cleaner.cleanTitle("  Talks\n collapse &amp; resume\u00a0")).isEqualTo("Talks collapse & resume");
    assertThat(cleaner.cleanTitle(null)).isEmpty();
  }

  /** Reuters-21578 headlines as its SGML reader decodes them ("&amp;lt;IVACO INC> YEAR NET" in reut2-000.sgm). */
  @Test
  void bracketedCompanyNamesAndTickersInTitlesAreTextWithoutBrackets() {
    assertThat(cleaner.cleanTitle("<IVACO INC> YEAR NET")).isEqualTo("IVACO INC YEAR NET");
    assertThat(cleaner.cleanTitle("COBANCO INC <CBCO> YEAR NET")).isEqualTo("COBANCO INC CBCO YEAR NET");
    assertThat(cleaner.cleanTitle("VOLKSWAGEN <VOWG.F> SEES HIGHER DIVIDEND"))
        .isEqualTo("VOLKSWAGEN VOWG.F SEES HIGHER DIVIDEND");
    assertThat(cleaner.cleanTitle("REUTERS <RtrSY> UNIT COMPLETES TRADING SYSTEM"))
        .isEqualTo("REUTERS RtrSY UNIT COMPLETES TRADING SYSTEM");
    assertThat(cleaner.cleanTitle("<Mid-America Industries Inc> sells unit")).isEqualTo("Mid-America Industries Inc sells unit");
    // tickers that are HTML elements' names, in upper case and with no end tag
    assertThat(cleaner.cleanTitle("DU PONT <DD> WINS SUIT AGAINST PHILLIPS <P>"))
        .isEqualTo("DU PONT DD WINS SUIT AGAINST PHILLIPS P");
    assertThat(cleaner.cleanTitle("BARNES GROUP <B> EXPECTS SALES TO GROW MODESTLY"))
        .isEqualTo("BARNES GROUP B EXPECTS SALES TO GROW MODESTLY");
    assertThat(cleaner.cleanTitle("AT&T <T> AND <AT&T CAPITAL CORP> IN PACT")).isEqualTo("AT&T T AND AT&T CAPITAL CORP IN PACT");
  }

  @Test
  void markupInTitlesIsStillRemoved() {
    assertThat(cleaner.cleanTitle("<b>Breaking:</b> Talks collapse")).isEqualTo("Breaking: Talks collapse");
    assertThat(cleaner.cleanTitle("<B>Alert</B> Rates rise")).isEqualTo("Alert Rates rise");
    assertThat(cleaner.cleanTitle("<span class=\"kicker\">Live</span> Markets rally")).isEqualTo("Live Markets rally");
    assertThat(cleaner.cleanTitle("<A HREF=\"/x\">Markets</A> rally")).isEqualTo("Markets rally");
    assertThat(cleaner.cleanTitle("Rates rise<BR>again")).isEqualTo("Rates rise again");
    assertThat(cleaner.cleanTitle("<!-- teaser -->Rates <em>rise</em>")).isEqualTo("Rates rise");
    assertThat(cleaner.cleanTitle("<o:p>Rates rise</o:p>")).isEqualTo("Rates rise");
    assertThat(cleaner.cleanTitle("Fish &amp; chips")).isEqualTo("Fish & chips");
  }

  @Test
  void lessThanSignsThatOpenNothingStayInTitles() {
    assertThat(cleaner.cleanTitle("Inflation < 2% and growth > 1%")).isEqualTo("Inflation < 2% and growth > 1%");
    assertThat(cleaner.cleanTitle("Profits <5 pct")).isEqualTo("Profits <5 pct");
    assertThat(cleaner.cleanTitle("a <b")).isEqualTo("a <b");
  }
}
