package io.newsflow.aggregate;

import io.newsflow.schemas.avro.StoryEvent;
import io.newsflow.schemas.avro.internal.StoryState;
import java.util.List;

/** A story's new state and the events that lead to it, in order. */
public record StoryChange(StoryState state, List<StoryEvent> events) {
  public StoryChange {
    events = List.copyOf(events);
  }
}
