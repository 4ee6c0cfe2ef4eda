package io.newsflow.enrich.text;

import io.newsflow.enrich.text.entities.NamedEntity;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Everything the text kernel derives from one article. Immutable: lists are copied and the MinHash
 * array is cloned on the way in and out, so a caller cannot change a stored analysis.
 *
 * @param title headline after the same Unicode and whitespace normalisation as the body (empty if none)
 * @param cleanText body after HTML removal, boilerplate removal and normalisation; paragraphs separated by "\n"
 * @param language ISO 639-1 code, or "und" when undetermined
 * @param wordCount number of word tokens in the clean text
 * @param entities entities sorted by salience desc, then name
 * @param contentHash hex SHA-256 of the normalised clean text (exact-duplicate key)
 * @param simHash 64-bit SimHash of the body's content words
 * @param minHash MinHash signature of the body's word shingles
 * @param lshBands LSH band keys of the MinHash signature ("b&lt;band&gt;:&lt;hex&gt;")
 * @param topTerms top weighted terms, weight desc then term asc, unit-normalised
 * @param detailTerms capitalised and numeric words of the body ({@link DetailTerms}), weight desc then term asc, unit-normalised
 */
public record Analysis(
    String title,
    String cleanText,
    String language,
    int wordCount,
    List<NamedEntity> entities,
    String contentHash,
    long simHash,
    int[] minHash,
    List<String> lshBands,
    List<Term> topTerms,
    List<Term> detailTerms) {

  public Analysis {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(cleanText, "cleanText");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(contentHash, "contentHash");
    entities = List.copyOf(entities);
    minHash = minHash.clone();
    lshBands = List.copyOf(lshBands);
    topTerms = List.copyOf(topTerms);
    detailTerms = List.copyOf(detailTerms);
  }

  /** A copy of the signature: arrays cannot be made read-only. */
  @Override
  public int[] minHash() {
    return minHash.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Analysis a
        && wordCount == a.wordCount
        && simHash == a.simHash
        && title.equals(a.title)
        && cleanText.equals(a.cleanText)
        && language.equals(a.language)
        && entities.equals(a.entities)
        && contentHash.equals(a.contentHash)
        && Arrays.equals(minHash, a.minHash)
        && lshBands.equals(a.lshBands)
        && topTerms.equals(a.topTerms)
        && detailTerms.equals(a.detailTerms);
  }

  @Override
  public int hashCode() {
    return Objects.hash(title, cleanText, language, wordCount, entities, contentHash, simHash,
        Arrays.hashCode(minHash), lshBands, topTerms, detailTerms);
  }

  @Override
  public String toString() {
    return "Analysis[title=" + title + ", language=" + language + ", wordCount=" + wordCount + ", entities=" + entities
        + ", contentHash=" + contentHash + ", simHash=" + Long.toHexString(simHash)
        + ", lshBands=" + lshBands.size() + ", topTerms=" + topTerms + ", detailTerms=" + detailTerms + "]";
  }
}
