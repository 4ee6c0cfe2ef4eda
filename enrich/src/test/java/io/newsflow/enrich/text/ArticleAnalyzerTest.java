package io.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.enrich.text.words.Tokenizer;
import org.junit.jupiter.api.Test;

class ArticleAnalyzerTest {

  private final ArticleAnalyzer analyzer = new ArticleAnalyzer();

  private static String asHtml(String text) {
    return "<html><body><nav>Home | World</nav><article><p>"
        + text.replace("\n", "</p><p>Advertisement</p><p>")
        + "</p></article><script>trackPageView();</script><footer>© 2024 Example News</footer></body></html>";
  }

  @Test
  void analysesAnHtmlArticleEndToEnd() {
    Analysis analysis = analyzer.analyze(Articles.SUMMIT_TITLE, asHtml(Articles.SUMMIT), true);

    assertThat(analysis.title()).isEqualTo(Articles.SUMMIT_TITLE);
    assertThat(analysis.cleanText()).isEqualTo(Articles.SUMMIT);
    assertThat(analysis.language()).isEqualTo("en");
    assertThat(analysis.wordCount()).isEqualTo(new Tokenizer().tokenize(Articles.SUMMIT).size());
    assertThat(analysis.entities().get(0).name()).isEqualTo("Vladimir Putin");
    assertThat(analysis.contentHash()).isEqualTo(new ContentHasher().hash(Articles.SUMMIT));
    assertThat(analysis.simHash()).isEqualTo(new SimHasher().simHash(Articles.SUMMIT));
    assertThat(analysis.minHash()).isEqualTo(new MinHasher().signature(Articles.SUMMIT));
    assertThat(analysis.lshBands()).hasSize(32);
    assertThat(analysis.topTerms()).hasSize(20).first().extracting(Term::term).isEqualTo("putin");
  }

  @Test
  void theSameArticleAsHtmlOrPlainTextGivesTheSameFingerprints() {
    Analysis html = analyzer.analyze(Articles.SUMMIT_TITLE, asHtml(Articles.SUMMIT), true);
    Analysis plain = analyzer.analyze(Articles.SUMMIT_TITLE, Articles.SUMMIT, false);

    assertThat(plain).isEqualTo(html);
    assertThat(plain.hashCode()).isEqualTo(html.hashCode());
  }

  @Test
  void nearDuplicatesShareKeysAndUnrelatedArticlesDoNot() {
    Analysis original = analyzer.analyze(Articles.SUMMIT_TITLE, Articles.SUMMIT, false);
    Analysis edited = analyzer.analyze(Articles.SUMMIT_TITLE, Articles.SUMMIT_EDITED, false);
    Analysis unrelated = analyzer.analyze(Articles.RATES_TITLE, Articles.RATES, false);

    assertThat(edited.contentHash()).isNotEqualTo(original.contentHash());
    assertThat(edited.lshBands()).containsAnyElementsOf(original.lshBands());
    assertThat(unrelated.lshBands()).doesNotContainAnyElementsOf(original.lshBands());
    assertThat(SimHasher.hammingDistance(original.simHash(), edited.simHash())).isLessThanOrEqualTo(10);
  }

  @Test
  void anEmptyBodyAfterCleaningIsRejectedWithAClearMessage() {
    assertThatThrownBy(() -> analyzer.analyze("Title", "<script>x()</script><p>Advertisement</p>", true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("empty body after cleaning");
    assertThatThrownBy(() -> analyzer.analyze("Title", "   \n\n ", false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("empty body after cleaning");
  }

  @Test
  void theAnalysisCannotBeChangedThroughItsAccessors() {
    Analysis analysis = analyzer.analyze(null, Articles.RATES, false);
    int[] signature = analysis.minHash();
    int first = signature[0];

    signature[0] = first + 1;

    assertThat(analysis.minHash()[0]).isEqualTo(first);
    assertThat(analysis.title()).isEmpty();
    assertThatThrownBy(() -> analysis.entities().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> analysis.lshBands().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aShortBodyUsesTheTitleToGuessTheLanguage() {
    Analysis analysis = analyzer.analyze("Le gouvernement et les syndicats", "Accord conclu dans la nuit.", false);

    assertThat(analysis.language()).isEqualTo("fr");
  }
}
