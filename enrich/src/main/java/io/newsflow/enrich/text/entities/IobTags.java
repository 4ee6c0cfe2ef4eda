package io.newsflow.enrich.text.entities;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Converts between per-token tags and entity spans. Reading follows conlleval, so one method serves
 * IOB1 (CoNLL-2003: "I-PER I-PER", with "B-" only where two names of one type touch) and IOB2
 * ("B-PER I-PER"): a span starts at any "B-", at an "I-" after "O", and at an "I-" whose type differs
 * from the previous tag's. Types other than PER/ORG/LOC (MISC, GMB's tim...) end spans but yield none.
 */
public final class IobTags {

  private IobTags() {}

  /** The PER/ORG/LOC spans of a tag sequence. */
  public static List<EntitySpan> spans(List<String> tags) {
    List<EntitySpan> spans = new ArrayList<>();
    int start = -1;
    String type = null;
    for (int i = 0; i <= tags.size(); i++) {
      String tag = i < tags.size() ? tags.get(i) : "O";
      char prefix = tag.length() > 2 && tag.charAt(1) == '-' ? tag.charAt(0) : 'O';
      String tagType = prefix == 'O' ? null : tag.substring(2);
      if (type != null && (prefix != 'I' || !tagType.equals(type))) {
        addKnown(spans, start, i, type);
        type = null;
      }
      if (type == null && prefix != 'O') {
        start = i;
        type = tagType;
      }
    }
    return spans;
  }

  /** IOB2 tags ("B-PER", "I-PER", "O") for {@code length} tokens holding the given non-overlapping spans. */
  public static List<String> tags(List<EntitySpan> spans, int length) {
    String[] tags = new String[length];
    Arrays.fill(tags, "O");
    for (EntitySpan span : spans) {
      String type = typeName(span.kind());
      tags[span.start()] = "B-" + type;
      for (int i = span.start() + 1; i < span.end(); i++) {
        tags[i] = "I-" + type;
      }
    }
    return List.of(tags);
  }

  /** "PER", "ORG", "LOC". */
  public static String typeName(EntityKind kind) {
    return switch (kind) {
      case PERSON -> "PER";
      case ORGANIZATION -> "ORG";
      case LOCATION -> "LOC";
    };
  }

  /** The kind for "PER"/"ORG"/"LOC", or null for any other type. */
  public static EntityKind kindOf(String type) {
    return switch (type) {
      case "PER" -> EntityKind.PERSON;
      case "ORG" -> EntityKind.ORGANIZATION;
      case "LOC" -> EntityKind.LOCATION;
      default -> null;
    };
  }

  private static void addKnown(List<EntitySpan> spans, int start, int end, String type) {
    EntityKind kind = kindOf(type);
    if (kind != null) {
      spans.add(new EntitySpan(start, end, kind));
    }
  }
}
