package io.newsflow.enrich.text.entities.training;

import io.newsflow.enrich.text.entities.CasedToken;
import io.newsflow.enrich.text.entities.EntityKind;
import io.newsflow.enrich.text.entities.EntityRecognizer;
import io.newsflow.enrich.text.entities.EntitySpan;
import io.newsflow.enrich.text.entities.EntityTagger;
import io.newsflow.enrich.text.entities.Gazetteer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Turns the GMB extract (silver IOB2, types geo/gpe/per/org/tim/art/eve/nat) into tagger training
 * examples with the project's conventions, as its README advises:
 * <ul>
 *   <li>per → PERSON without leading titles and lower-case words ("President Bush", "chairman Alan
 *       Greenspan"); a title alone is no name;
 *   <li>org → ORGANIZATION, geo → LOCATION; gpe → LOCATION only when it is a known place (country
 *       names), otherwise nothing (nationality adjectives); tim, art, eve, nat → nothing;
 *   <li>exact duplicate sentences and the truncated last sentence are dropped; "~" joins become spaces.
 * </ul>
 * Each sentence is written back as running text and re-tokenised with {@link CasedToken}, as articles
 * are at run time, and labels follow the characters. A seeded share of sentences is put in capitals
 * so the tagger also learns headlines and datelines, which the corpus lacks.
 */
final class GmbTrainingSet {

  /** One training sentence: runtime tokens and their BIO labels. */
  record Example(List<CasedToken> tokens, String[] ruleHints, int[] labels) {}

  private final Gazetteer gazetteer = Gazetteer.get();
  private final EntityRecognizer rules = EntityRecognizer.ruleBased();

  /** Examples in corpus order. */
  List<Example> read(Path conll, long seed, double capitalsShare) throws IOException {
    List<ConllCorpus.Sentence> sentences = new ArrayList<>();
    for (ConllCorpus.Document document : ConllCorpus.read(conll)) {
      sentences.addAll(document.sentences());
    }
    if (!sentences.isEmpty()) {
      sentences.remove(sentences.size() - 1); // cut off at Excel's row limit
    }
    Random random = new Random(seed);
    Set<List<String>> seen = new HashSet<>();
    List<Example> examples = new ArrayList<>(sentences.size());
    for (ConllCorpus.Sentence sentence : sentences) {
      if (seen.add(sentence.tokens())) {
        examples.add(example(sentence, random.nextDouble() < capitalsShare));
      }
    }
    return examples;
  }

  Example example(ConllCorpus.Sentence sentence, boolean capitals) {
    List<String> tokens = new ArrayList<>(sentence.tokens().size());
    for (String token : sentence.tokens()) {
      tokens.add(token.replace('~', ' '));
    }
    List<EntitySpan> spans = spans(tokens, sentence.tags());
    TokenText text = TokenText.of(tokens);
    String written = capitals ? upperCaseSameLength(text.text()) : text.text();
    List<CasedToken> scanned = CasedToken.scan(written);
    int[] labels = new int[scanned.size()];
    for (EntitySpan span : spans) {
      int from = text.starts()[span.start()];
      int to = text.ends()[span.end() - 1];
      boolean first = true;
      for (int k = 0; k < scanned.size(); k++) {
        CasedToken t = scanned.get(k);
        if (t.start() >= from && t.end() <= to) {
          labels[k] = EntityTagger.begin(span.kind()) + (first ? 0 : 1);
          first = false;
        }
      }
    }
    return new Example(scanned, rules.ruleHints(written, scanned), labels);
  }

  /** Spans in corpus tokens after mapping GMB types to the project's kinds. */
  List<EntitySpan> spans(List<String> tokens, List<String> tags) {
    List<EntitySpan> out = new ArrayList<>();
    int i = 0;
    while (i < tags.size()) {
      String tag = tags.get(i);
      if (!tag.startsWith("B-")) {
        i++;
        continue;
      }
      String type = tag.substring(2);
      int j = i + 1;
      while (j < tags.size() && tags.get(j).equals("I-" + type)) {
        j++;
      }
      EntityKind kind = switch (type) {
        case "per" -> EntityKind.PERSON;
        case "org" -> EntityKind.ORGANIZATION;
        case "geo" -> EntityKind.LOCATION;
        case "gpe" -> knownPlace(tokens.subList(i, j)) ? EntityKind.LOCATION : null;
        default -> null;
      };
      int start = kind == EntityKind.PERSON ? nameStart(tokens, i, j) : i;
      if (kind != null && start < j) {
        out.add(new EntitySpan(start, j, kind));
      }
      i = j;
    }
    return out;
  }

  /** First token of a person's name after leading titles and lower-case words ("chairman", "Mr.", "Prime Minister"). */
  private int nameStart(List<String> tokens, int from, int to) {
    int k = from;
    while (k < to) {
      int title = gazetteer.titleLength(tokens, k);
      if (title > 0) {
        k += title;
      } else if (!Character.isUpperCase(tokens.get(k).charAt(0)) || gazetteer.isTitleWord(tokens.get(k))) {
        k++;
      } else {
        break;
      }
    }
    return k;
  }

  private boolean knownPlace(List<String> tokens) {
    Gazetteer.Entry entry = gazetteer.lookup(String.join(" ", tokens));
    return entry != null && entry.kind() == EntityKind.LOCATION;
  }

  /** Upper case letter by letter, so character offsets stay valid ("ß" stays "ß"). */
  private static String upperCaseSameLength(String text) {
    char[] chars = text.toCharArray();
    for (int k = 0; k < chars.length; k++) {
      chars[k] = Character.toUpperCase(chars[k]);
    }
    return new String(chars);
  }
}
