package io.newsflow.aggregate;

import io.newsflow.schemas.avro.ArticleRole;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.StoryEvent;
import io.newsflow.schemas.avro.internal.StoryMember;
import io.newsflow.schemas.avro.internal.StoryState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One article in, one decision and its story change out, with every index update that follows: the
 * whole of story clustering, independent of where state lives. The topology and the offline fit run
 * this same code.
 */
public final class StoryClusterer {
  private final StoryAssigner assigner;
  private final StoryBook book;

  public StoryClusterer(ClusteringSettings settings) {
    this.assigner = new StoryAssigner(settings);
    this.book = new StoryBook(settings);
  }

  /**
   * What happened to an article: the decision and the change to its story; when it bridged two
   * stories, also the absorbed story's last change and its articles, which now belong to the story
   * of {@link #storyId()}.
   */
  public record Outcome(Assignment decision, StoryChange change, StoryChange absorbed, List<StoryMember> moved) {
    public Outcome {
      moved = List.copyOf(moved);
    }

    public String storyId() {
      return change.state().getSnapshot().getStoryId();
    }
  }

  /** Decides where an article goes, once its words are counted; {@link #accept(EnrichedArticle, StoryIndex, Decider)} applies it. */
  @FunctionalInterface
  public interface Decider {
    Assignment decide(EnrichedArticle article, StoryIndex index);
  }

  public Outcome accept(EnrichedArticle article, StoryIndex index) {
    return accept(article, index, false);
  }

  /** As {@link #accept(EnrichedArticle, StoryIndex)}; {@code late}: the article is remembered as late. */
  public Outcome accept(EnrichedArticle article, StoryIndex index, boolean late) {
    return accept(article, index, assigner::assign, late, null);
  }

  /**
   * Where a story that closed goes instead of being forgotten: kept for late articles for a while
   * ({@link RetiredStories}), with every member it holds.
   */
  @FunctionalInterface
  public interface Retirement {
    Retirement NONE = (closed, members) -> {};

    void retire(StoryState closed, List<StoryMember> members);
  }

  /**
   * A late article: decided against the active stories like any other; when it matches none of them,
   * against the {@code retired} ones, and it joins the best of those without reopening it (no merge, the
   * story stays closed: its {@code ARTICLE_ADDED} follows its {@code STORY_CLOSED}). Else it founds a story.
   */
  public Outcome acceptLate(EnrichedArticle article, StoryIndex index, StoryIndex retired) {
    return accept(article, index, assigner::assign, true, retired);
  }

  /** As {@link #accept(EnrichedArticle, StoryIndex)}, with the decision taken by {@code decider}: fitting replays the gold stories this way. */
  public Outcome accept(EnrichedArticle article, StoryIndex index, Decider decider) {
    return accept(article, index, decider, false, null);
  }

  private Outcome accept(EnrichedArticle article, StoryIndex index, Decider decider, boolean late, StoryIndex retired) {
    // Counted first, so the article's own words are never unseen (their idf stays finite and comparable).
    index.countDocument(article.getEventTime(), IndexKeys.statistics(article));
    assigner.countsChanged();
    Assignment decision = decider.decide(article, index);
    if (retired != null && decision.foundsStory()) {
      Assignment old = assigner.assign(article, retired);
      if (!old.foundsStory()) {
        return joinRetired(article, index, retired, new Assignment(old.storyId(), old.role(), old.score()));
      }
    }
    StoryChange change;
    StoryChange absorbed = null;
    List<StoryMember> moved = List.of();
    if (decision.foundsStory()) {
      change = book.found(article);
    } else if (decision.bridgesStories()) {
      StoryState best = index.story(decision.storyId());
      StoryState bridged = index.story(decision.bridgedStoryId());
      boolean bestIsOlder = StoryBook.isOlder(best, bridged);
      StoryState survivor = bestIsOlder ? best : bridged;
      StoryState younger = bestIsOlder ? bridged : best;
      StoryBook.Merge merge = book.merge(survivor, younger, article);
      decision = new Assignment(survivor.getSnapshot().getStoryId(), ArticleRole.NEW_REPORT,
          bestIsOlder ? decision.score() : decision.bridgedScore(), younger.getSnapshot().getStoryId(),
          bestIsOlder ? decision.bridgedScore() : decision.score());
      StoryChange added = book.add(merge.survivor().state(), article, decision);
      List<StoryEvent> events = new ArrayList<>(merge.survivor().events());
      events.addAll(added.events());
      change = new StoryChange(added.state(), events);
      absorbed = merge.absorbed();
      moved = membersWithAbsorbed(index, younger);
      index.putStory(absorbed.state());
    } else {
      change = book.add(index.story(decision.storyId()), article, decision);
    }
    String storyId = change.state().getSnapshot().getStoryId();
    index.putStory(change.state());
    index.index(storyId, new IndexedArticle(article.getArticleId(), article.getEventTime(), decision.role(),
        article.getFingerprints().getMinHash(), late), assigner.indexKeys(article, index));
    return new Outcome(decision, change, absorbed, moved);
  }

  private Outcome joinRetired(EnrichedArticle article, StoryIndex index, StoryIndex retired, Assignment decision) {
    StoryChange change = book.add(retired.story(decision.storyId()), article, decision);
    retired.putStory(change.state());
    retired.index(decision.storyId(), new IndexedArticle(article.getArticleId(), article.getEventTime(), decision.role(),
        article.getFingerprints().getMinHash(), true), assigner.indexKeys(article, index));
    return new Outcome(decision, change, null, List.of());
  }

  /** Every signal of the article against each of its candidate stories ({@link StoryAssigner#candidateSignals}). */
  public Map<String, double[]> candidateSignals(EnrichedArticle article, StoryIndex index) {
    return assigner.candidateSignals(article, index);
  }

  /**
   * The closing change of {@code story} if it has been idle too long at {@code streamTime}, else null. A
   * closed story is removed from the index with every story folded into it: nothing of it stays behind
   * but what was published.
   */
  public StoryChange closeIfIdle(StoryState story, Instant streamTime, StoryIndex index) {
    return closeIfIdle(story, streamTime, index, Retirement.NONE);
  }

  /** As {@link #closeIfIdle(StoryState, Instant, StoryIndex)}; a closed story goes to {@code retirement} first. */
  public StoryChange closeIfIdle(StoryState story, Instant streamTime, StoryIndex index, Retirement retirement) {
    StoryChange change = book.closeIfIdle(story, streamTime);
    if (change != null) {
      retirement.retire(change.state(), membersWithAbsorbed(index, story));
      removeWithAbsorbed(index, story);
    }
    return change;
  }

  private static void removeWithAbsorbed(StoryIndex index, StoryState story) {
    for (String absorbed : story.getAbsorbedStoryIds()) {
      StoryState folded = index.story(absorbed);
      if (folded != null) {
        removeWithAbsorbed(index, folded);
      } else {
        index.remove(absorbed);
      }
    }
    index.remove(story.getSnapshot().getStoryId());
  }

  /** Every article of {@code story}, those of the stories folded into it included: they move with it. */
  private static List<StoryMember> membersWithAbsorbed(StoryIndex index, StoryState story) {
    List<StoryMember> all = new ArrayList<>(index.members(story.getSnapshot().getStoryId()));
    for (String absorbed : story.getAbsorbedStoryIds()) {
      StoryState folded = index.story(absorbed);
      if (folded != null) {
        all.addAll(membersWithAbsorbed(index, folded));
      } else {
        all.addAll(index.members(absorbed));
      }
    }
    return all;
  }
}
