package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleIdsTest {

  @Test
  void idIsPrefixedTruncatedSha256OfTheCanonicalUrl() {
    // Golden values: `printf 'https://example.com/news/story-1' | sha256sum | cut -c1-32`.
    // If this fails, ids of everything already on the raw topic would change: don't "fix" the test.
    assertThat(ArticleIds.forUrl("https://example.com/news/story-1")).isEqualTo("a-598daa332b562040db3869ea0601d6cc");
    assertThat(ArticleIds.forGuid("bbc", "001")).isEqualTo("a-6c0abb2bb6b1c25d79752f0092a1d1ce");
  }

  @Test
  void variantsOfOneUrlShareTheId() {
    List<String> variants = List.of(
        "https://www.example.com/news/story-1?utm_source=twitter",
        "https://m.example.com/news/story-1/#comments",
        "https://example.com/amp/news/story-1?fbclid=abc",
        "HTTPS://EXAMPLE.com:443/news/story-1?outputType=amp");
    assertThat(variants).extracting(ArticleIds::forUrl).containsOnly("a-598daa332b562040db3869ea0601d6cc");
  }

  @Test
  void differentArticlesGetDifferentIds() {
    assertThat(List.of(
        ArticleIds.forUrl("https://example.com/news/story-1"),
        ArticleIds.forUrl("https://example.com/news/story-2"),
        ArticleIds.forUrl("https://example.com/news/story-1?page=2"),
        ArticleIds.forGuid("bbc", "001"),
        ArticleIds.forGuid("bbc", "002"),
        ArticleIds.forGuid("cnn", "001"),
        // The separator matters: ("bb", "c001") is not ("bbc", "001").
        ArticleIds.forGuid("bb", "c001"))).doesNotHaveDuplicates();
  }

  @Test
  void anArticleWithAUrlIsIdentifiedByItAndOtherwiseBySourceAndGuid() {
    IncomingArticle withUrl = article("https://www.example.com/news/story-1/", "guid-1");
    IncomingArticle withoutUrl = article(null, "001");
    IncomingArticle blankUrl = article("  ", "001");

    assertThat(ArticleIds.of(withUrl)).isEqualTo("a-598daa332b562040db3869ea0601d6cc");
    assertThat(ArticleIds.of(withoutUrl)).isEqualTo("a-6c0abb2bb6b1c25d79752f0092a1d1ce");
    assertThat(ArticleIds.of(blankUrl)).isEqualTo(ArticleIds.of(withoutUrl));
  }

  @Test
  void anArticleWithoutUrlOrGuidCannotExist() {
    assertThatThrownBy(() -> article(null, null)).isInstanceOf(IllegalArgumentException.class);
  }

  private static IncomingArticle article(String url, String guid) {
    return new IncomingArticle("bbc", url, guid, "Title", "Body", false, null, null, null, "f.txt:1");
  }
}
