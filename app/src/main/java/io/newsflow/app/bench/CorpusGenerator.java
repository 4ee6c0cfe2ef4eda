package io.newsflow.app.bench;

import static io.newsflow.app.bench.NewsVocabulary.FIRST_NAMES;
import static io.newsflow.app.bench.NewsVocabulary.NOUNS;
import static io.newsflow.app.bench.NewsVocabulary.ORGANIZATION_KINDS;
import static io.newsflow.app.bench.NewsVocabulary.ORGANIZATION_STEMS;
import static io.newsflow.app.bench.NewsVocabulary.OUTLET_KINDS;
import static io.newsflow.app.bench.NewsVocabulary.OUTLET_TOWNS;
import static io.newsflow.app.bench.NewsVocabulary.PLACES;
import static io.newsflow.app.bench.NewsVocabulary.SURNAMES;

import io.newsflow.ingest.IncomingArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;

/**
 * A news corpus of any size, the same for the same seed: stories reported by many outlets
 * (log-uniform 1 to 80 reports each, up to {@link #MAX_RUNNING_STORIES} running at once, each about
 * people, companies and places mostly of its own), each outlet writing its own article
 * around the story's facts, plus syndicated copies, exact or lightly edited, under another outlet's
 * name. Bodies have news-like lengths (log-normal around 420 words); publication times increase.
 * {@link Random} is used for its specified, JDK-independent sequence.
 */
public final class CorpusGenerator {
  static final Instant START = Instant.parse("2024-03-01T06:00:00Z");
  private static final int OUTLETS = 40;
  private static final int MAX_STORY_REPORTS = 80;
  private static final int FACTS_PER_STORY = 40;
  private static final int MIN_RUNNING_STORIES = 12;
  /**
   * Stories running at once, at most: without a cap, 8 % of reports starting a story outgrew the
   * stories finishing (about 13 reports each), so 16,000 ran at once a million reports in and one
   * story's reports spread over months.
   */
  static final int MAX_RUNNING_STORIES = 200;
  /** Draws of a name until one no running story uses (then the last draw is taken anyway). */
  private static final int FRESH_NAME_DRAWS = 20;
  private static final double MEDIAN_WORDS = 420;

  private final long seed;

  public CorpusGenerator(long seed) {
    this.seed = seed;
  }

  public List<GeneratedArticle> generate(int count) {
    List<GeneratedArticle> articles = new ArrayList<>(count);
    articles(count).forEachRemaining(articles::add);
    return articles;
  }

  /**
   * The same articles as {@link #generate}, made one at a time: only running stories are held, so a
   * million-article archive can be written in bounded memory.
   */
  public Iterator<GeneratedArticle> articles(long count) {
    return new Generation(count);
  }

  private final class Generation implements Iterator<GeneratedArticle> {
    private final long count;
    private final Random random = new Random(seed);
    private final NewsWriter writer = new NewsWriter(random);
    private final List<String> outlets = outlets(random);
    private final List<Story> running = new ArrayList<>();
    private long made;
    private int stories;
    private long second;

    Generation(long count) {
      this.count = count;
    }

    @Override
    public boolean hasNext() {
      return made < count;
    }

    @Override
    public GeneratedArticle next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      if (running.size() < MIN_RUNNING_STORIES
          || (running.size() < MAX_RUNNING_STORIES && random.nextInt(100) < 8)) {
        running.add(newStory(stories++, random, writer, running));
      }
      Story story = running.get(random.nextInt(running.size()));
      second += 1 + (long) (-Math.log(1 - random.nextDouble()) * 20);
      GeneratedArticle article = report(story, Math.toIntExact(made++), START.plusSeconds(second), outlets, random, writer);
      if (story.reported.size() >= story.size) {
        running.remove(story);
      }
      return article;
    }
  }

  private GeneratedArticle report(Story story, int index, Instant published, List<String> outlets, Random random,
                                  NewsWriter writer) {
    GeneratedArticle original = !story.reported.isEmpty() && random.nextInt(100) < 30
        ? story.reported.get(random.nextInt(story.reported.size())) : null;
    String outlet = story.unusedOutlet(outlets, random, original == null ? null : original.article().source());
    String slug = outlet.toLowerCase(Locale.ROOT).replace(' ', '-');
    String url = "https://www." + slug + ".example/news/" + story.index + "-" + index;
    String guid = slug + "-" + index;
    String author = writer.pick(FIRST_NAMES) + " " + writer.pick(SURNAMES);
    String origin = "generated:" + seed + ":" + index;
    GeneratedArticle generated;
    if (original != null) {
      IncomingArticle o = original.article();
      boolean exact = random.nextBoolean();
      String body = exact ? o.body() : lightlyEdited(o.body(), random, writer, story);
      String copied = original.copyOf() != null ? original.copyOf() : o.guid();
      generated = new GeneratedArticle(new IncomingArticle(outlet, url, guid, o.title(), body, false, "en",
          o.author(), published, origin), story.index, copied);
    } else {
      String title = random.nextBoolean() ? story.headline : writer.headline(story.subject);
      generated = new GeneratedArticle(new IncomingArticle(outlet, url, guid, title, body(story, random, writer),
          false, "en", author, published, origin), story.index, null);
    }
    story.reported.add(generated);
    return generated;
  }

  /** An outlet's own report: the story's facts, in its own order, among sentences of its own. */
  private static String body(Story story, Random random, NewsWriter writer) {
    int words = (int) Math.round(Math.exp(Math.log(MEDIAN_WORDS) + 0.55 * random.nextGaussian()));
    words = Math.max(60, Math.min(2500, words));
    StringBuilder body = new StringBuilder();
    int written = 0;
    int inParagraph = 0;
    int paragraphLength = 1 + random.nextInt(3);
    while (written < words) {
      String sentence = random.nextBoolean() ? writer.pick(story.facts) : writer.sentence(story.subject);
      if (inParagraph == paragraphLength) {
        body.append("\n\n");
        inParagraph = 0;
        paragraphLength = 1 + random.nextInt(3);
      } else if (inParagraph > 0) {
        body.append(' ');
      }
      body.append(sentence);
      inParagraph++;
      written += sentence.split(" ").length;
    }
    return body.toString();
  }

  /** A syndicated copy as outlets run it: one paragraph dropped or rewritten, a credit line added. */
  private static String lightlyEdited(String body, Random random, NewsWriter writer, Story story) {
    List<String> paragraphs = new ArrayList<>(List.of(body.split("\n\n")));
    if (paragraphs.size() > 2) {
      int i = 1 + random.nextInt(paragraphs.size() - 1);
      if (random.nextBoolean()) {
        paragraphs.remove(i);
      } else {
        paragraphs.set(i, writer.sentence(story.subject));
      }
    }
    paragraphs.add("Additional reporting by " + writer.pick(FIRST_NAMES) + " " + writer.pick(SURNAMES) + ".");
    return String.join("\n\n", paragraphs);
  }

  /**
   * A story about people, companies and places of its own: a surname, company name or place that a
   * running story already uses is drawn again (up to {@link #FRESH_NAME_DRAWS} times), so stories
   * that run at the same time are mostly about different actors, as real news is.
   */
  private static Story newStory(int index, Random random, NewsWriter writer, List<Story> running) {
    Set<String> used = new HashSet<>();
    for (Story s : running) {
      s.subject.people().forEach(p -> used.add(lastWord(p)));
      s.subject.organisations().forEach(o -> used.add(o.substring(0, o.indexOf(' '))));
      used.addAll(s.subject.places());
    }
    List<String> people = distinct(3, random,
        () -> writer.pick(FIRST_NAMES) + " " + fresh(writer, SURNAMES, used));
    List<String> organisations = distinct(2, random,
        () -> fresh(writer, ORGANIZATION_STEMS, used) + " " + writer.pick(ORGANIZATION_KINDS));
    List<String> places = distinct(2, random, () -> fresh(writer, PLACES, used));
    List<String> topics = distinct(6, random, () -> writer.pick(NOUNS));
    NewsWriter.Subject subject = new NewsWriter.Subject(people, organisations, places, topics);
    List<String> facts = new ArrayList<>();
    for (int i = 0; i < FACTS_PER_STORY; i++) {
      facts.add(writer.sentence(subject));
    }
    int size = (int) Math.round(Math.exp(random.nextDouble() * Math.log(MAX_STORY_REPORTS)));
    return new Story(index, subject, writer.headline(subject), List.copyOf(facts), Math.max(1, size));
  }

  private static String fresh(NewsWriter writer, List<String> names, Set<String> used) {
    String name = writer.pick(names);
    for (int draw = 1; draw < FRESH_NAME_DRAWS && used.contains(name); draw++) {
      name = writer.pick(names);
    }
    return name;
  }

  private static String lastWord(String name) {
    return name.substring(name.lastIndexOf(' ') + 1);
  }

  private static List<String> distinct(int n, Random random, java.util.function.Supplier<String> draw) {
    Set<String> picked = new LinkedHashSet<>();
    while (picked.size() < n) {
      picked.add(draw.get());
    }
    return List.copyOf(picked);
  }

  private static List<String> outlets(Random random) {
    Set<String> names = new LinkedHashSet<>();
    while (names.size() < OUTLETS) {
      names.add(OUTLET_TOWNS.get(random.nextInt(OUTLET_TOWNS.size())) + " "
          + OUTLET_KINDS.get(random.nextInt(OUTLET_KINDS.size())));
    }
    return List.copyOf(names);
  }

  private static final class Story {
    final int index;
    final NewsWriter.Subject subject;
    final String headline;
    final List<String> facts;
    final int size;
    final List<GeneratedArticle> reported = new ArrayList<>();

    Story(int index, NewsWriter.Subject subject, String headline, List<String> facts, int size) {
      this.index = index;
      this.subject = subject;
      this.headline = headline;
      this.facts = facts;
      this.size = size;
    }

    /**
     * Each outlet reports a story once while there are outlets left that have not; a copy never
     * runs under the outlet of its original ({@code not}, or null).
     */
    String unusedOutlet(List<String> outlets, Random random, String not) {
      Set<String> used = new LinkedHashSet<>();
      reported.forEach(a -> used.add(a.article().source()));
      List<String> free = outlets.stream().filter(o -> !used.contains(o)).toList();
      List<String> from = (free.isEmpty() ? outlets : free).stream().filter(o -> !o.equals(not)).toList();
      return from.get(random.nextInt(from.size()));
    }
  }
}
