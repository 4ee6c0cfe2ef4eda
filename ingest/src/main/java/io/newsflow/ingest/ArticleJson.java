package io.newsflow.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The JSON form of an article, one parser for every JSON input (JSON Lines archives, HTTP push).
 * Two forms are accepted, field by field:
 * <ul>
 *   <li>feed form: {@code id}, {@code url}, {@code source}, {@code title}, {@code body},
 *       {@code published} (see {@link PublicationDates}), optional {@code language}, {@code author};</li>
 *   <li>labelled-dataset form (ECB+, GVC): {@code doc_id}, {@code title}, {@code text}, optional
 *       {@code dct} (document creation time), {@code url}. These datasets leave the title out of some
 *       documents (ECB+'s {@code ecb} half); there the first line of the text is the headline, as in a
 *       text file, and the text stays whole.</li>
 * </ul>
 * Title and body are required, and an id or a URL (there is no stable identity without one). A
 * missing {@code source} becomes the caller's fallback (an archive's name, "push").
 */
public final class ArticleJson {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)   // `{"a":1} junk` is not valid input
      .build();

  private ArticleJson() {}

  /** {@code raw} as strict UTF-8 JSON; any JSON value, the caller decides what it needs. */
  public static JsonNode parse(byte[] raw) throws InvalidArticle {
    try {
      return JSON.readTree(StrictText.decode(raw, StandardCharsets.UTF_8));
    } catch (StrictText.UndecodableException e) {
      throw new InvalidArticle(RejectionReason.NOT_UTF8, "not valid UTF-8 at byte " + e.offset());
    } catch (JsonProcessingException e) {
      throw new InvalidArticle(RejectionReason.INVALID_JSON,
          e.getOriginalMessage() + (e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr()));
    }
  }

  /** {@code node} as compact JSON bytes, e.g. to keep one item of a pushed array in its dead letter. */
  public static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed JSON tree always serializes", e);
    }
  }

  /** The article {@code node} describes, read at {@code origin}. */
  public static IncomingArticle toArticle(JsonNode node, String fallbackSource, String origin) throws InvalidArticle {
    if (!node.isObject()) {
      throw new InvalidArticle(RejectionReason.INVALID_JSON, "expected a JSON object, found " + node.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    boolean dataset = node.has("doc_id");
    String guid = firstOf(node, "id", "doc_id");
    String url = string(node, "url");
    if (guid == null && (url == null || url.isBlank())) {
      throw new InvalidArticle(RejectionReason.MISSING_FIELD, "needs an id or a url");
    }
    String body = string(node, "body");
    if (body == null) {
      body = string(node, "text");
    }
    if (body == null) {
      throw new InvalidArticle(RejectionReason.MISSING_FIELD, "missing field: body");
    }
    String title = string(node, "title");
    if ((title == null || title.isBlank()) && dataset) {
      title = body.strip().lines().findFirst().orElse(null);
    }
    if (title == null || title.isBlank()) {
      throw new InvalidArticle(RejectionReason.MISSING_FIELD, "missing field: title");
    }
    if (body.isBlank()) {
      throw new InvalidArticle(RejectionReason.EMPTY_BODY, "body is empty");
    }
    String source = string(node, "source");
    return new IncomingArticle(source == null || source.isBlank() ? fallbackSource : source.strip(),
        url, guid, title.strip(), body, false, string(node, "language"), string(node, "author"),
        published(node), origin);
  }

  private static Instant published(JsonNode node) throws InvalidArticle {
    String published = string(node, "published");
    if (published == null) {
      published = string(node, "dct");
    }
    if (published == null || published.isBlank()) {
      return null;
    }
    try {
      return PublicationDates.parse(published);
    } catch (DateTimeParseException e) {
      throw new InvalidArticle(RejectionReason.INVALID_DATE, "unparseable date: " + published);
    }
  }

  /** The first of {@code names} that is present; ids may be numbers, so numbers count as text. */
  private static String firstOf(JsonNode node, String... names) throws InvalidArticle {
    for (String name : names) {
      JsonNode value = node.get(name);
      if (value != null && value.isNumber()) {
        return value.asText();
      }
      String text = string(node, name);
      if (text != null && !text.isBlank()) {
        return text;
      }
    }
    return null;
  }

  /** The string field {@code name}; null when absent or JSON null. */
  private static String string(JsonNode node, String name) throws InvalidArticle {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new InvalidArticle(RejectionReason.INVALID_FIELD, "field " + name + " must be a string, found "
          + value.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    return value.textValue();
  }

  /** JSON that is not an article; carries the reason. */
  public static final class InvalidArticle extends Exception {
    private final RejectionReason reason;

    InvalidArticle(RejectionReason reason, String message) {
      super(message, null, false, false);
      this.reason = reason;
    }

    public RejectionReason reason() {
      return reason;
    }
  }
}
