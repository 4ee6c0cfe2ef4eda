package io.newsflow.ingest.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PageExtractorTest {
  private static final String ARTICLE_URL = "https://www.dailyplanet.example/news/world-europe-68412345?utm_source=rss";

  private final PageExtractor extractor = new PageExtractor();

  @Test
  void newsPageGivesHeadlineBylineTimeCanonicalUrlAndOnlyTheArticleParagraphs() {
    ExtractedPage page = extractor.extract(fixture("pages/news-article.html"), ARTICLE_URL);

    assertThat(page.title()).isEqualTo("Floods force thousands from homes in northern Italy");
    assertThat(page.byline()).isEqualTo("Sofia Bellini");
    assertThat(page.publishedAt()).isEqualTo(Instant.parse("2024-03-01T09:15:00Z"));
    assertThat(page.canonicalUrl()).isEqualTo("https://www.dailyplanet.example/news/world-europe-68412345");
    assertThat(page.paragraphs()).containsExactly(
        "Thousands of people have been evacuated in the Emilia-Romagna region of northern Italy after rivers burst their banks following three days of torrential rain.",
        "The civil protection agency said more than 5,000 people had left their homes overnight, and that schools in Bologna, Faenza and Cesena would stay shut on Monday.",
        "The regional president, Stefano Bonaccini, called the floods \"an event without precedent\" and asked the government in Rome to declare a state of emergency.",
        "Forecasters expect the rain to ease by Sunday, but warned that river levels could keep rising downstream for another 48 hours.");
    assertThat(page.text()).doesNotContain("Share this article", "Rescue teams", "Sign up", "Read more", "Advertisement",
        "Related stories", "Most read", "cookies", "All rights reserved", "Instagram");
  }

  @Test
  void jsonLdFillsInWhatTheMetaTagsLack() {
    String html = """
        <html><head><title>Site | Story</title>
        <script type="application/ld+json">{"@context":"https://schema.org","@type":["NewsArticle"],
          "headline":"Council approves budget","datePublished":"2024-02-27T18:00:00+01:00",
          "author":{"@type":"Person","name":"Ann Lee"},"articleBody":"The council approved the budget."}</script>
        <script type="application/ld+json">{ not json </script>
        </head><body><div class="share"><p>Share</p></div></body></html>""";

    ExtractedPage page = extractor.extract(html, "https://site.example/story");

    assertThat(page.title()).isEqualTo("Council approves budget");
    assertThat(page.byline()).isEqualTo("Ann Lee");
    assertThat(page.publishedAt()).isEqualTo(Instant.parse("2024-02-27T17:00:00Z"));
    assertThat(page.paragraphs()).as("articleBody when the page has no paragraphs").containsExactly("The council approved the budget.");
  }

  @Test
  void withoutArticleMarkupTheDensestBlockOfParagraphsIsTheText() {
    ExtractedPage page = extractor.extract(fixture("pages/blog-no-article-tag.html"), "https://citynotes.example/tram");

    assertThat(page.title()).isEqualTo("Why the tram line is late");
    assertThat(page.publishedAt()).isEqualTo(Instant.parse("2024-02-28T00:00:00Z"));
    assertThat(page.paragraphs()).hasSize(3).first().asString().startsWith("The new tram line was meant to open in January.");
    assertThat(page.text()).doesNotContain("Tags:", "Home");
    assertThat(page.canonicalUrl()).isNull();
    assertThat(page.byline()).isNull();
  }

  @Test
  void bylineFallsBackToRelAuthorThenByline() {
    assertThat(extractor.extract("<p class=byline>By Tom Wu</p><p>x</p>", "https://a.example/").byline()).isEqualTo("By Tom Wu");
    assertThat(extractor.extract("<meta name=author content='https://facebook.com/someone'><a rel=author>Tom Wu</a>",
        "https://a.example/").byline()).as("a profile URL is no byline").isEqualTo("Tom Wu");
  }

  @Test
  void bytesAreDecodedInTheCharsetTheHeaderOrThePageDeclares() {
    byte[] latin1 = "<html><head><meta charset=ISO-8859-1><title>Caf\u00e9</title></head><body><p>Cr\u00e8me br\u00fbl\u00e9e.</p></body></html>"
        .getBytes(StandardCharsets.ISO_8859_1);

    assertThat(extractor.extract(latin1, null, "https://a.example/").paragraphs()).containsExactly("Cr\u00e8me br\u00fbl\u00e9e.");
    assertThat(extractor.extract(latin1, "text/html; charset=iso-8859-1", "https://a.example/").title()).isEqualTo("Caf\u00e9");
    assertThat(extractor.extract(latin1, "text/html; charset=bogus", "https://a.example/").title())
        .as("an unknown header charset falls back to the page's own").isEqualTo("Caf\u00e9");
  }

  @Test
  void pageWithNothingRecognisableGivesAnEmptyResult() {
    ExtractedPage page = extractor.extract("<html><body><nav><p>Menu</p></nav></body></html>", "https://a.example/");

    assertThat(page.paragraphs()).isEmpty();
    assertThat(page.title()).isNull();
    assertThat(page.publishedAt()).isNull();
  }

  static String fixture(String name) {
    try (InputStream in = PageExtractorTest.class.getResourceAsStream("/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
