package io.newsflow.enrich.text.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The article's entities from its mentions: one per canonical name, typed by its mentions' majority,
 * with salience the name's mentions weighted by zone (title 3, lead 2, body 1) over the article's
 * highest such weight.
 */
final class Salience {

  private Salience() {}

  /** Entities sorted by salience desc, then mentions desc, then name. */
  static List<NamedEntity> rank(List<Mention> mentions) {
    Map<String, Map<EntityKind, Integer>> kindVotes = new TreeMap<>();
    Map<String, TreeSet<String>> surfaces = new HashMap<>();
    Map<String, Integer> counts = new HashMap<>();
    Map<String, Double> weights = new HashMap<>();
    for (Mention m : mentions) {
      kindVotes.computeIfAbsent(m.canonical(), k -> new EnumMap<>(EntityKind.class)).merge(m.kind(), 1, Integer::sum);
      surfaces.computeIfAbsent(m.canonical(), k -> new TreeSet<>()).add(m.surface());
      counts.merge(m.canonical(), 1, Integer::sum);
      weights.merge(m.canonical(), m.zone().weight, Double::sum);
    }
    double maxWeight = weights.values().stream().mapToDouble(Double::doubleValue).max().orElse(1.0);
    List<NamedEntity> entities = new ArrayList<>();
    kindVotes.forEach((name, votes) -> {
      // the most frequent type wins; ties go to the first in enum order, so the result is stable
      EntityKind kind = votes.entrySet().stream()
          .max(Map.Entry.<EntityKind, Integer>comparingByValue()
              .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
          .orElseThrow().getKey();
      entities.add(new NamedEntity(name, kind, List.copyOf(surfaces.get(name)), counts.get(name),
          weights.get(name) / maxWeight));
    });
    entities.sort(Comparator.comparingDouble(NamedEntity::salience).reversed()
        .thenComparing(Comparator.comparingInt(NamedEntity::mentions).reversed())
        .thenComparing(NamedEntity::name));
    return List.copyOf(entities);
  }
}
