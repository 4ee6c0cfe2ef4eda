package io.newsflow.aggregate;

import io.newsflow.schemas.avro.EntityRef;
import io.newsflow.schemas.avro.WeightedTerm;
import io.newsflow.schemas.avro.internal.StoryState;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What scoring reads of one story state, laid out once per state instead of once per article it is a
 * candidate of: its summed terms and detail terms as arrays (and the details' norm, which no count
 * changes), the index keys of its entities and the words of its titles. Stored states are never
 * mutated, so a view stays right for as long as its state is the story's current one.
 */
final class StoryView {
  final StoryState state;
  final String[] centroidTerms;
  final double[] centroidWeights;
  final String[] detailTerms;
  final double[] detailWeights;
  /** Sum of the squared detail weights, in list order: the details cosine's story norm before its root. */
  final double detailSquares;
  final Set<String> entityKeys;
  final Set<String> titleWords;
  /** The centroid terms' live counts in the shard last scored against, while they are valid. */
  private ShardIndex.LiveCounts centroidCounts;

  StoryView(StoryState state, Set<String> titleWords) {
    this.state = state;
    List<WeightedTerm> centroid = state.getCentroid();
    centroidTerms = new String[centroid.size()];
    centroidWeights = new double[centroid.size()];
    for (int i = 0; i < centroid.size(); i++) {
      centroidTerms[i] = centroid.get(i).getTerm();
      centroidWeights[i] = centroid.get(i).getWeight();
    }
    List<WeightedTerm> details = state.getDetails();
    detailTerms = new String[details.size()];
    detailWeights = new double[details.size()];
    double squares = 0;
    for (int i = 0; i < details.size(); i++) {
      detailTerms[i] = details.get(i).getTerm();
      double w = details.get(i).getWeight();
      detailWeights[i] = w;
      squares += w * w;
    }
    detailSquares = squares;
    List<EntityRef> entities = state.getSnapshot().getEntities();
    entityKeys = new HashSet<>(entities.size() * 2);
    entities.forEach(e -> entityKeys.add(IndexKeys.entity(e.getType(), e.getName())));
    this.titleWords = titleWords;
  }

  /** The live counts of {@link #centroidTerms} in {@code shard}, resolved again only when the counts were swept. */
  DocumentFrequencies.Count[] centroidCounts(ShardIndex shard) {
    if (centroidCounts == null || !centroidCounts.validFor(shard)) {
      centroidCounts = shard.liveCounts(centroidTerms);
    }
    return centroidCounts.counts();
  }
}
