package io.newsflow.app.evaluate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Reads a labelled dataset: JSON Lines (optionally gzipped) with doc_id, cluster_id, split, title, text, dct, url,
 * and topic where clusters come in topics of look-alike events (ECB+).
 */
public final class LabelledDataset {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LabelledDataset() {}

  /** The documents of {@code file} in file order, only those of {@code split} when given. */
  public static List<LabelledDocument> read(Path file, Optional<String> split) throws IOException {
    List<LabelledDocument> docs = new ArrayList<>();
    try (InputStream raw = Files.newInputStream(file);
         InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
         BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        LabelledDocument doc = parse(line, file, number);
        if (split.isEmpty() || split.get().equals(doc.split())) {
          docs.add(doc);
        }
      }
    }
    return docs;
  }

  private static LabelledDocument parse(String line, Path file, int number) {
    JsonNode n;
    try {
      n = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + ":" + number + ": not JSON: " + e.getOriginalMessage(), e);
    }
    String docId = text(n, "doc_id");
    String cluster = text(n, "cluster_id");
    String body = text(n, "text");
    if (docId == null || cluster == null || body == null) {
      throw new IllegalArgumentException(file + ":" + number + ": needs doc_id, cluster_id and text");
    }
    String dct = text(n, "dct");
    String topic = text(n, "topic");
    return new LabelledDocument(docId, cluster, text(n, "split"), text(n, "title"), body, date(dct, file, number),
        text(n, "url"), time(dct, file, number), topic == null ? cluster : "topic " + topic);
  }

  private static LocalDate date(String dct, Path file, int number) {
    try {
      return dct == null ? null : LocalDate.parse(dct.substring(0, Math.min(10, dct.length())));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(file + ":" + number + ": dct is not a date: " + dct);
    }
  }

  /** The time of a {@code dct} with one (ISO 8601 with an offset, e.g. 2024-03-01T06:00:05Z); null for a bare date. */
  private static Instant time(String dct, Path file, int number) {
    if (dct == null || dct.length() <= 10) {
      return null;
    }
    try {
      return OffsetDateTime.parse(dct).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(file + ":" + number + ": dct is neither a date nor a time with an offset: " + dct);
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
