package io.newsflow.enrich.text;

import io.newsflow.enrich.text.entities.EntityRecognizer;
import io.newsflow.enrich.text.language.LanguageDetector;
import io.newsflow.enrich.text.words.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The text kernel's single entry point: one article in, one {@link Analysis} out. The body is
 * cleaned and tokenised once, and every analysis step reads those tokens. Thread-safe and
 * stateless between calls, so one instance serves all stream threads.
 */
public final class ArticleAnalyzer {

  private final TextCleaner cleaner;
  private final Tokenizer tokenizer;
  private final LanguageDetector languageDetector;
  private final EntityRecognizer entityRecognizer;
  private final ContentHasher contentHasher;
  private final SimHasher simHasher;
  private final MinHasher minHasher;
  private final TermWeighter termWeighter;
  private final DetailTerms detailTerms;

  /** An analyser with the default parameters of every step. */
  public ArticleAnalyzer() {
    this(new MinHasher(), new TermWeighter());
  }

  /** An analyser with chosen fingerprint and term parameters. */
  public ArticleAnalyzer(MinHasher minHasher, TermWeighter termWeighter) {
    this.tokenizer = new Tokenizer();
    this.cleaner = new TextCleaner();
    this.languageDetector = new LanguageDetector(tokenizer);
    this.entityRecognizer = new EntityRecognizer();
    this.contentHasher = new ContentHasher(tokenizer);
    this.simHasher = new SimHasher(tokenizer);
    this.minHasher = Objects.requireNonNull(minHasher, "minHasher");
    this.termWeighter = Objects.requireNonNull(termWeighter, "termWeighter");
    this.detailTerms = new DetailTerms(tokenizer);
  }

  /**
   * Analyses one article.
   *
   * @param title headline, may be null or empty
   * @param body article body, HTML or plain text
   * @throws IllegalArgumentException if nothing is left of the body after cleaning
   */
  public Analysis analyze(String title, String body, boolean isHtml) {
    return analyze(title, body, isHtml, UnaryOperator.identity());
  }

  /**
   * Analyses one article, passing the clean text through {@code afterCleaning} first: the hook for
   * cleaning that needs state this class must not hold (per-source boilerplate learned in a store).
   */
  public Analysis analyze(String title, String body, boolean isHtml, UnaryOperator<String> afterCleaning) {
    Objects.requireNonNull(body, "body");
    String cleanTitle = cleaner.cleanTitle(title);
    String cleanText = afterCleaning.apply(cleaner.clean(body, isHtml));
    if (cleanText.isEmpty()) {
      throw new IllegalArgumentException("empty body after cleaning");
    }
    List<String> titleTokens = tokenizer.tokenize(cleanTitle);
    List<String> bodyTokens = tokenizer.tokenize(cleanText);
    // the headline is written in the article's language too, and helps most when the body is short
    String head = cleanText.length() > LanguageDetector.MAX_CHARS
        ? cleanText.substring(0, LanguageDetector.MAX_CHARS) : cleanText;
    String language = languageDetector.detect(cleanTitle + "\n" + head, concat(titleTokens, bodyTokens));
    int[] minHash = minHasher.signatureOfTokens(bodyTokens);
    return new Analysis(
        cleanTitle,
        cleanText,
        language,
        bodyTokens.size(),
        entityRecognizer.recognize(cleanTitle, cleanText, language),
        contentHasher.hashTokens(bodyTokens),
        simHasher.simHashTokens(bodyTokens),
        minHash,
        minHasher.lshBands(minHash),
        termWeighter.topTermsOfTokens(titleTokens, bodyTokens),
        detailTerms.of(cleanText));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a.size() + b.size());
    out.addAll(a);
    out.addAll(b);
    return out;
  }
}
