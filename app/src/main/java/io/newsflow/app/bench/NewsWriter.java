package io.newsflow.app.bench;

import static io.newsflow.app.bench.NewsVocabulary.ADJECTIVES;
import static io.newsflow.app.bench.NewsVocabulary.ADVERBS;
import static io.newsflow.app.bench.NewsVocabulary.NOUNS;
import static io.newsflow.app.bench.NewsVocabulary.PREPOSITION_PHRASES;
import static io.newsflow.app.bench.NewsVocabulary.VERBS_BASE;
import static io.newsflow.app.bench.NewsVocabulary.VERBS_PAST;

import java.util.List;
import java.util.Random;

/**
 * Writes English news sentences about one story: the sentence shapes of wire copy (attributed
 * statements, quotes, figures, "according to") filled with news vocabulary and the story's own
 * people, organisations, places and topic words. Random combinations keep word 3-shingles of
 * different stories apart, as they are in real news; the story's words make its articles similar.
 */
public final class NewsWriter {
  private final Random random;

  NewsWriter(Random random) {
    this.random = random;
  }

  /** What a story is about: the names and topic words its sentences come back to. */
  record Subject(List<String> people, List<String> organisations, List<String> places, List<String> topics) {}

  String headline(Subject s) {
    String subject = switch (random.nextInt(3)) {
      case 0 -> pick(s.people());
      case 1 -> pick(s.organisations());
      default -> pick(s.places());
    };
    String tail = random.nextBoolean() ? "" : " " + pick(PREPOSITION_PHRASES);
    return subject + " " + pick(VERBS_BASE) + "s " + pick(ADJECTIVES) + " " + pick(s.topics()) + tail;
  }

  String sentence(Subject s) {
    return switch (random.nextInt(10)) {
      case 0 -> capital(clause(s)) + ".";
      case 1 -> pick(s.people()) + " said " + pick(PREPOSITION_PHRASES) + " that " + nounPhrase(s) + " would "
          + pick(VERBS_BASE) + " " + nounPhrase(s) + ".";
      case 2 -> "\"" + capital(clause(s)) + ",\" " + pick(s.people()) + " told reporters in " + pick(s.places()) + ".";
      case 3 -> pick(s.organisations()) + " " + pick(VERBS_PAST) + " " + nounPhrase(s) + " " + pick(PREPOSITION_PHRASES)
          + ", according to " + nounPhrase(s) + ".";
      case 4 -> "Officials in " + pick(s.places()) + " " + pick(VERBS_PAST) + " " + (2 + random.nextInt(900)) + " "
          + pick(NOUNS) + "s " + pick(PREPOSITION_PHRASES) + ".";
      case 5 -> capital(clause(s)) + ", but " + clause(s) + ".";
      case 6 -> "It was not clear whether " + clause(s) + ".";
      case 7 -> (1 + random.nextInt(99)) + " percent of the " + pick(NOUNS) + "s " + pick(VERBS_PAST) + " "
          + nounPhrase(s) + ", " + pick(s.organisations()) + " said.";
      case 8 -> capital(pick(PREPOSITION_PHRASES)) + ", " + clause(s) + ".";
      default -> "The " + pick(ADJECTIVES) + " " + pick(s.topics()) + " in " + pick(s.places()) + " "
          + pick(VERBS_PAST) + " " + nounPhrase(s) + " after " + clause(s) + ".";
    };
  }

  private String clause(Subject s) {
    String adverb = random.nextInt(4) == 0 ? pick(ADVERBS) + " " : "";
    String tail = random.nextBoolean() ? " " + pick(PREPOSITION_PHRASES) : "";
    return nounPhrase(s) + " " + adverb + pick(VERBS_PAST) + " " + nounPhrase(s) + tail;
  }

  private String nounPhrase(Subject s) {
    int r = random.nextInt(100);
    if (r < 30) {
      return "the " + (random.nextBoolean() ? pick(ADJECTIVES) + " " : "") + pick(s.topics());
    } else if (r < 45) {
      return pick(s.people());
    } else if (r < 55) {
      return pick(s.organisations());
    } else if (r < 65) {
      return "the " + pick(NOUNS) + " in " + pick(s.places());
    }
    String determiner = switch (random.nextInt(4)) {
      case 0 -> "a";
      case 1 -> "its";
      case 2 -> "their";
      default -> "the";
    };
    return determiner + " " + (random.nextInt(3) == 0 ? pick(ADJECTIVES) + " " : "") + pick(NOUNS);
  }

  <T> T pick(List<T> options) {
    return options.get(random.nextInt(options.size()));
  }

  private static String capital(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
