package io.newsflow.ingest.page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The schema.org article a page describes in {@code <script type="application/ld+json">}: news sites
 * publish it for search engines, and it is usually cleaner than the visible markup. Found inside
 * arrays and {@code @graph} as well; scripts that are not valid JSON are skipped.
 *
 * @param headline      {@code headline}, or null
 * @param datePublished {@code datePublished} as written, or null
 * @param author        the author names joined with ", ", or null
 * @param articleBody   {@code articleBody}, or null
 */
record JsonLdArticle(String headline, String datePublished, String author, String articleBody) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> ARTICLE_TYPES = Set.of("Article", "NewsArticle", "ReportageNewsArticle",
      "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "BlogPosting",
      "LiveBlogPosting", "Report");
  /** Bounds the walk over hostile or absurd JSON-LD. */
  private static final int MAX_NODES = 10_000;

  static final JsonLdArticle NONE = new JsonLdArticle(null, null, null, null);

  /** The first article described on {@code page}, or {@link #NONE}. */
  static JsonLdArticle of(Document page) {
    for (Element script : page.select("script[type=application/ld+json]")) {
      JsonNode root;
      try {
        root = JSON.readTree(script.data());
      } catch (JsonProcessingException e) {
        continue;
      }
      JsonNode article = findArticle(root);
      if (article != null) {
        return new JsonLdArticle(string(article.get("headline")), string(article.get("datePublished")),
            authors(article.get("author")), string(article.get("articleBody")));
      }
    }
    return NONE;
  }

  private static JsonNode findArticle(JsonNode root) {
    Deque<JsonNode> pending = new ArrayDeque<>();
    if (root != null) {
      pending.add(root);
    }
    for (int seen = 0; !pending.isEmpty() && seen < MAX_NODES; seen++) {
      JsonNode node = pending.removeFirst();
      if (node.isArray()) {
        node.forEach(pending::add);
      } else if (node.isObject()) {
        if (isArticle(node.get("@type"))) {
          return node;
        }
        JsonNode graph = node.get("@graph");
        if (graph != null) {
          pending.add(graph);
        }
      }
    }
    return null;
  }

  private static boolean isArticle(JsonNode type) {
    if (type == null) {
      return false;
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (t.isTextual() && ARTICLE_TYPES.contains(t.asText())) {
          return true;
        }
      }
      return false;
    }
    return type.isTextual() && ARTICLE_TYPES.contains(type.asText());
  }

  /** {@code author}: a name, a Person/Organization with a name, or an array of either. */
  private static String authors(JsonNode author) {
    List<String> names = new ArrayList<>();
    if (author != null && author.isArray()) {
      author.forEach(a -> addName(a, names));
    } else {
      addName(author, names);
    }
    return names.isEmpty() ? null : String.join(", ", names);
  }

  private static void addName(JsonNode author, List<String> names) {
    String name = author != null && author.isObject() ? string(author.get("name")) : string(author);
    if (name != null && !names.contains(name)) {
      names.add(name);
    }
  }

  private static String string(JsonNode node) {
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      return null;
    }
    return node.asText().strip();
  }
}
